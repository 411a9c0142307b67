package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** §1.3 (5) GET Service Requests: every filter, the 90-day / 1,000 defaults, arrays, zones, string ids. */
@Tag("open311-v2")
class GetRequestsConformanceTests extends Open311Http {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static boolean bulkImported;

    private static List<String> ids(JsonNode requests) {
        var ids = new ArrayList<String>();
        requests.forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    private static String at(OffsetDateTime t) {
        return enc(ISO.format(t.truncatedTo(ChronoUnit.SECONDS)));
    }

    @Test
    void theListIsAJsonArrayAndAServiceRequestsElementInXml() {
        var id = created("listed");
        var json = get("/requests.json").json();
        assertThat(json.isArray()).isTrue();
        assertThat(ids(json)).contains(id);
        assertThat(get("/requests.xml").xpathAll("/service_requests/request/service_request_id")).contains(id);
        for (var r : json) {
            assertThat(r.get("service_request_id").isString()).isTrue();
            assertThat(r.get("service_code").isString()).isTrue();
            assertThat(r.get("status").asString()).isIn("open", "closed");
            assertThat(r.get("requested_datetime").asString()).matches(PostRequestConformanceTests.ZONED);
        }
    }

    @Test
    void serviceRequestIdOverridesEveryOtherFilter() {
        var id = created("override");
        var answer = get("/requests.json?service_request_id=" + id + "&status=closed&service_code=99999"
                + "&start_date=" + at(OffsetDateTime.now(ZoneOffset.UTC).minusDays(200))
                + "&end_date=" + at(OffsetDateTime.now(ZoneOffset.UTC).minusDays(199)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer.json())).containsExactly(id);
    }

    @Test
    void serviceRequestIdIsACommaList() {
        var a = created("first of two");
        var b = created("second of two");
        assertThat(ids(get("/requests.json?service_request_id=" + a + "," + b).json())).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aMalformedRequestIdInTheFilterIs400() {
        var answer = get("/requests.xml?service_request_id=abc");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.xpath("/errors/error/code")).isEqualTo("400");
    }

    @Test
    void statusIsACommaListOfOpenAndClosed() {
        var id = created("status filter");
        assertThat(ids(get("/requests.json?status=open").json())).contains(id);
        assertThat(ids(get("/requests.json?status=closed").json())).doesNotContain(id);
        assertThat(ids(get("/requests.json?status=open,closed").json())).contains(id);
        assertThat(get("/requests.json?status=pending").status()).isEqualTo(400);
    }

    @Test
    void serviceCodeIsACommaList() {
        var id = created("service filter");
        assertThat(ids(get("/requests.json?service_code=" + serviceCode()).json())).contains(id);
        assertThat(ids(get("/requests.json?service_code=99999," + serviceCode()).json())).contains(id);
        assertThat(ids(get("/requests.json?service_code=99999").json())).doesNotContain(id);
    }

    @Test
    void emptyArgumentsBehaveLikeAbsentOnes() {
        var id = created("empty args");
        var answer = get("/requests.json?service_request_id=&service_code=&status=&start_date=&end_date=");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer.json())).contains(id);
    }

    @Test
    void startAndEndDateFilterOnTheRequestedTime() {
        var id = created("date filter");
        var now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        assertThat(ids(get("/requests.json?start_date=" + at(now.minusHours(1)) + "&end_date="
                + at(now.plusHours(1))).json())).contains(id);
        assertThat(ids(get("/requests.json?start_date=" + at(now.minusDays(30)) + "&end_date="
                + at(now.minusDays(29))).json())).doesNotContain(id);
        assertThat(ids(get("/requests.json?start_date=" + at(now.minusHours(1))).json())).contains(id);
        assertThat(ids(get("/requests.json?end_date=" + at(now.minusDays(1))).json())).doesNotContain(id);
    }

    @Test
    void aDateWithoutAZoneIs400() {
        var answer = get("/requests.json?start_date=2026-01-01T00:00:00");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get(0).get("description").asString()).contains("start_date");
    }

    @Test
    void aWindowLongerThan90DaysIs400AndReversedDatesToo() {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(get("/requests.json?start_date=" + at(now.minusDays(91)) + "&end_date=" + at(now)).status())
                .isEqualTo(400);
        assertThat(get("/requests.json?start_date=" + at(now) + "&end_date=" + at(now.minusDays(1))).status())
                .isEqualTo(400);
    }

    @Test
    void withoutDatesOnlyTheLast90DaysAreListed() {
        var old = importOld(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(120));
        assertThat(ids(get("/requests.json?service_request_id=" + old).json())).as("the old one exists")
                .containsExactly(old);
        assertThat(ids(get("/requests.json").json())).doesNotContain(old);
        var start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(125);
        assertThat(ids(get("/requests.json?start_date=" + at(start) + "&end_date=" + at(start.plusDays(10)))
                .json())).contains(old);
    }

    @Test
    void atMost1000RequestsAreListedByDefault() {
        bulkImport(1001);
        assertThat(get("/requests.json").json().size()).isEqualTo(1000);
        assertThat(get("/requests.xml").xpathAll("/service_requests/request/service_request_id")).hasSize(1000);
    }

    /** A case reported long ago, through the platform's history import; answers its id. */
    private String importOld(OffsetDateTime reportedAt) {
        assumeLocalServer();
        var externalId = "o311-old-" + UUID.randomUUID();
        var line = line(externalId, reportedAt);
        var answer = adminSend("POST", "/api/v1/imports/cases", "application/x-ndjson", line + "\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("imported").asInt()).as(answer.body()).isEqualTo(1);
        // the imported case is found by its text among the requests of that day
        var day = reportedAt.truncatedTo(ChronoUnit.DAYS);
        var found = get("/requests.json?start_date=" + at(day.minusDays(1)) + "&end_date=" + at(day.plusDays(2))).json();
        for (var r : found) {
            if (r.get("description").asString().equals(externalId)) {
                return r.get("service_request_id").asString();
            }
        }
        throw new AssertionError("imported case not listed");
    }

    private synchronized void bulkImport(int count) {
        assumeLocalServer();
        if (bulkImported) {
            return;
        }
        var reportedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(10);
        var body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append(line("o311-bulk-" + UUID.randomUUID(), reportedAt.plusSeconds(i))).append('\n');
        }
        var answer = adminSend("POST", "/api/v1/imports/cases", "application/x-ndjson", body.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("imported").asInt()).as(answer.body()).isEqualTo(count);
        bulkImported = true;
    }

    private String line(String externalId, OffsetDateTime reportedAt) {
        return """
                {"externalId":"%s","channel":"HOTLINE","kind":"MATTER","classCode":"%s","lon":%s,"lat":%s,\
                "description":"%s","reportedAt":"%s","reporter":"citizen","events":[]}"""
                .formatted(externalId, serviceCode(), lon(), lat(), externalId, ISO.format(reportedAt.truncatedTo(ChronoUnit.SECONDS)));
    }
}
