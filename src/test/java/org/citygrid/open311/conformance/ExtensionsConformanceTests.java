package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** §1.8 extensions this server implements: {@code extensions=true} (extended attributes, notes) and paging. */
@Tag("open311-extensions")
class ExtensionsConformanceTests extends Open311Http {

    @Test
    void withoutExtensionsNothingInternalIsShown() {
        var id = created("plain v2");
        var r = get("/requests/" + id + ".json").json().get(0);
        assertThat(r.has("extended_attributes")).isFalse();
        assertThat(r.has("notes")).isFalse();
        assertThat(r.get("agency_responsible").isNull()).isTrue();
        assertThat(r.get("expected_datetime").isNull()).isTrue();
        assertThat(get("/requests/" + id + ".json?extensions=false").json().get(0).has("extended_attributes"))
                .isFalse();
    }

    @Test
    void extensionsAddTheInternalStateAndTheNotesHistory() {
        var id = created("with extensions");
        var r = get("/requests/" + id + ".json?extensions=true").json().get(0);
        var extended = r.get("extended_attributes");
        assertThat(extended.get("status_detail").asString()).isEqualTo("REPORTED");
        assertThat(extended.get("channel").asString()).isEqualTo("OPEN311");
        assertThat(extended.get("case_no").asString()).isNotBlank();
        assertThat(extended.has("department")).isTrue();
        assertThat(extended.has("deadline")).isTrue();
        var notes = r.get("notes");
        assertThat(notes.isArray()).isTrue();
        assertThat(notes.get(0).get("type").asString()).isEqualTo("report");
        assertThat(notes.get(0).get("datetime").asString()).matches(PostRequestConformanceTests.ZONED);

        var xml = get("/requests/" + id + ".xml?extensions=true");
        assertThat(xml.xpath("/service_requests/request/extended_attributes/status_detail")).isEqualTo("REPORTED");
        assertThat(xml.xpath("/service_requests/request/notes/note/type")).isEqualTo("report");
    }

    @Test
    void extensionsNeverShowWhoReportedOrActed() {
        var form = report("private reporter");
        form.put("first_name", "Zhang");
        form.put("last_name", "Sanfeng");
        form.put("phone", "13800000000");
        var id = post("/requests.json", form).json().get(0).get("service_request_id").asString();
        var body = get("/requests/" + id + ".json?extensions=true").body();
        assertThat(body).doesNotContain("Sanfeng").doesNotContain("13800000000").doesNotContain("open311:");
    }

    @Test
    void pageAndPageSizePageThroughTheSameSelection() {
        created("page a");
        created("page b");
        var first = get("/requests.json?page_size=1&page=1").json();
        var second = get("/requests.json?page_size=1&page=2").json();
        assertThat(first.size()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(1);
        assertThat(first.get(0).get("service_request_id").asString())
                .isNotEqualTo(second.get(0).get("service_request_id").asString());
        assertThat(get("/requests.json?page_size=1001").status()).isEqualTo(400);
        assertThat(get("/requests.json?page=0").status()).isEqualTo(400);
    }
}
