package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * §1.3 (4) tokens, on a server whose services are {@code batch}: a POST answers a token and no id, and the token
 * names the request.
 */
@Tag("open311-v2")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citygrid.open311.service-type=batch"})
@ActiveProfiles("demo")
class TokenConformanceTests extends Open311Http {

    @Test
    void batchServicesAreAdvertisedAsBatch() {
        for (var s : get("/services.json").json()) {
            assertThat(s.get("type").asString()).isEqualTo("batch");
        }
    }

    @Test
    void aPostToABatchServiceAnswersATokenThatGivesTheRequestId() {
        var answer = post("/requests.json", report("batch report"));
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        var request = answer.json().get(0);
        assertThat(request.has("service_request_id")).as("token xor id").isFalse();
        var token = request.get("token").asString();
        assertThat(token).isNotBlank();

        var json = get("/tokens/" + token + ".json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().isArray()).isTrue();
        var id = json.json().get(0).get("service_request_id").asString();
        assertThat(json.json().get(0).get("token").asString()).isEqualTo(token);
        var xml = get("/tokens/" + token + ".xml");
        assertThat(xml.xpath("/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(xml.xpath("/service_requests/request/token")).isEqualTo(token);

        assertThat(get("/requests/" + id + ".json").json().get(0).get("description").asString())
                .isEqualTo("batch report");
    }

    @Test
    void anUnknownTokenIs404InTheErrorFormat() {
        var xml = get("/tokens/no-such-token.xml");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(xml.xpath("/errors/error/code")).isEqualTo("404");
        assertThat(get("/tokens/no-such-token.json").status()).isEqualTo(404);
    }
}
