package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Reports with an Idempotency-Key (the field app's offline queue): the same key from the same reporter names one
 * case, however often and however simultaneously it comes. Run on H2 and on PostgreSQL by the two subclasses.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
abstract class ReportIdempotencyContract {

    static final String PASSWORD = "Demo@2026";
    static final double LON = 116.4039;
    static final double LAT = 39.9151;

    @Autowired
    MockMvc mvc;
    @Autowired
    IdempotentReports reports;
    @Autowired
    JdbcClient jdbc;

    private static String body(String description) {
        return """
                {"channel":"SUPERVISOR","kind":"COMPONENT","classCode":"01001","lon":%s,"lat":%s,
                 "description":"%s"}""".formatted(LON, LAT, description);
    }

    private ResultActions post(String user, String key, String body) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/cases").with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    private long casesDescribedAs(String description) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE description = ?").param(description)
                .query(Long.class).single();
    }

    private static String unique() {
        return "井盖破损 " + UUID.randomUUID();
    }

    @Test
    void theSameKeyTwiceGivesTheFirstCaseWithTheSameBody() throws Exception {
        var description = unique();
        var key = UUID.randomUUID().toString();
        var first = post("supervisor1", key, body(description)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        var again = post("supervisor1", key, body(description)).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat((Object) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat((Object) JsonPath.read(again, "$.caseNo")).isEqualTo(JsonPath.read(first, "$.caseNo"));
        assertThat((Object) JsonPath.read(again, "$.version")).isEqualTo(JsonPath.read(first, "$.version"));
        assertThat(casesDescribedAs(description)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEveryRequestIsANewReport() throws Exception {
        var description = unique();
        post("supervisor1", null, body(description)).andExpect(status().isCreated());
        post("supervisor1", null, body(description)).andExpect(status().isCreated());
        assertThat(casesDescribedAs(description)).isEqualTo(2);
    }

    @Test
    void aKeyBelongsToItsReporter() throws Exception {
        var description = unique();
        var key = UUID.randomUUID().toString();
        post("supervisor1", key, body(description)).andExpect(status().isCreated());
        post("supervisor2", key, body(description)).andExpect(status().isCreated());
        assertThat(casesDescribedAs(description)).isEqualTo(2);
    }

    @Test
    void aKeyReusedForAnotherReportIsRefusedAndWritesNothing() throws Exception {
        var key = UUID.randomUUID().toString();
        post("supervisor1", key, body(unique())).andExpect(status().isCreated());
        var other = unique();
        post("supervisor1", key, body(other)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(casesDescribedAs(other)).isZero();
    }

    @Test
    void aMalformedKeyIsABadRequest() throws Exception {
        var description = unique();
        post("supervisor1", "x".repeat(101), body(description)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        post("supervisor1", "mit Leerzeichen", body(description)).andExpect(status().isBadRequest());
        assertThat(casesDescribedAs(description)).isZero();
    }

    @Test
    void aFailedReportLeavesTheKeyFreeForTheCorrectedOne() throws Exception {
        var key = UUID.randomUUID().toString();
        var description = unique();
        post("supervisor1", key, body(description).replace("\"01001\"", "\"99999\""))
                .andExpect(status().isUnprocessableContent());
        post("supervisor1", key, body(description)).andExpect(status().isCreated());
        assertThat(casesDescribedAs(description)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithTheSameKeyMakeOneCase() throws Exception {
        var description = unique();
        var key = UUID.randomUUID().toString();
        var report = new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", LON, LAT, null, null,
                description, false, null, null, null);
        var by = Actor.of("supervisor1", null, Role.SUPERVISOR);
        int threads = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<IdempotentReports.Outcome>>();
            for (int i = 0; i < threads; i++) {
                Callable<IdempotentReports.Outcome> call = () -> {
                    start.await();
                    return reports.report(report, key, by);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            var ids = new java.util.HashSet<Long>();
            int created = 0;
            for (var f : futures) {
                var outcome = f.get();
                ids.add(outcome.report().id().value());
                created += outcome.created() ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(casesDescribedAs(description)).isEqualTo(1);
    }
}
