package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** §1.3 (3) POST Service Request, (6) GET Service Request; §1.4 errors; §1.6 decisions (ids, nulls, validation). */
@Tag("open311-v2")
class PostRequestConformanceTests extends Open311Http {

    static final String ZONED = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    @Test
    void aPostWithoutApiKeyIs403InTheErrorFormat() {
        var form = report("no key");
        form.remove("api_key");
        var xml = post("/requests.xml", form);
        assertThat(xml.status()).isEqualTo(403);
        assertThat(mediaType(xml)).isEqualTo("text/xml;charset=utf-8");
        assertThat(xml.xpath("/errors/error/code")).isEqualTo("403");
        assertThat(xml.xpath("/errors/error/description")).isNotBlank();
        var json = post("/requests.json", form);
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().get(0).get("code").asString()).isEqualTo("403");
    }

    @Test
    void aPostWithAnInvalidKeyIs403() {
        var form = report("bad key");
        form.put("api_key", "o311_not-a-key");
        assertThat(post("/requests.json", form).status()).isEqualTo(403);
        form.put("api_key", "");
        assertThat(post("/requests.json", form).status()).as("empty is like absent").isEqualTo(403);
    }

    @Test
    void aPostForAnUnknownServiceIs404() {
        var form = report("unknown service");
        form.put("service_code", "99999");
        var answer = post("/requests.xml", form);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.xpath("/errors/error/code")).isEqualTo("404");
    }

    @Test
    void aPostWithoutServiceCodeIs400() {
        var form = report("no service");
        form.remove("service_code");
        assertThat(post("/requests.json", form).status()).isEqualTo(400);
    }

    @Test
    void aPostWithoutLocationIs400InTheErrorFormat() {
        var form = report("no location");
        form.remove("lat");
        form.remove("long");
        var xml = post("/requests.xml", form);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.xpath("/errors/error/code")).isEqualTo("400");
        assertThat(xml.xpath("/errors/error/description")).isNotBlank();
        var json = post("/requests.json", form);
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get(0).get("code").asString()).isEqualTo("400");
    }

    @Test
    void latWithoutLongIs400() {
        var form = report("half a location");
        form.remove("long");
        assertThat(post("/requests.json", form).status()).isEqualTo(400);
    }

    @Test
    void eachValidationFailureIsItsOwnError() {
        var form = report("x".repeat(4001));
        form.remove("lat");
        form.remove("long");
        form.put("email", "not an address");
        var answer = post("/requests.json", form);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().size()).isEqualTo(3);
    }

    @Test
    void anUnknownAttributeIs400() {
        var form = report("unknown attribute");
        form.put("attribute[no_such_attribute]", "1");
        assertThat(post("/requests.json", form).status()).isEqualTo(400);
    }

    @Test
    void theRepeatedListSyntaxIsReadAndASingleValuedAttributeRefusesTwoValues() {
        var form = report("two values");
        form.put("attribute[component_id][]", List.of("11010100100000001", "11010100100000002"));
        var answer = post("/requests.json", form);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get(0).get("description").asString()).contains("component_id");
    }

    @Test
    void aPostCreatesARequestWithAStringIdAndNoToken() {
        var answer = post("/requests.json", report("井盖破损 over Open311"));
        assertThat(answer.status()).isIn(200, 201);
        var json = answer.json();
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(1);
        var request = json.get(0);
        assertThat(request.get("service_request_id").isString()).isTrue();
        assertThat(request.has("token")).as("id xor token").isFalse();
    }

    @Test
    void aPostAnsweredInXmlHasTheServiceRequestsWrapper() {
        var answer = post("/requests.xml", report("xml post"));
        assertThat(answer.status()).isIn(200, 201);
        assertThat(answer.xpath("/service_requests/request/service_request_id")).matches("\\d+");
        assertThat(answer.xpathAll("/service_requests/request/token")).isEmpty();
    }

    @Test
    void aCreatedRequestIsVisibleWithTheSameIdInJsonAndXml() {
        var id = created("路灯井盖缺失 visible in both");
        var json = get("/requests/" + id + ".json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().isArray()).as("a single request is still an array").isTrue();
        assertThat(json.json().size()).isEqualTo(1);
        var r = json.json().get(0);
        assertThat(r.get("service_request_id").asString()).isEqualTo(id);
        assertThat(r.get("status").asString()).isEqualTo("open");
        assertThat(r.get("service_code").asString()).isEqualTo(serviceCode());
        assertThat(r.get("description").asString()).isEqualTo("路灯井盖缺失 visible in both");
        assertThat(r.get("requested_datetime").asString()).matches(ZONED);
        assertThat(r.get("updated_datetime").asString()).matches(ZONED);
        assertThat(r.get("lat").asDouble()).isCloseTo(Double.parseDouble(lat()), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.get("long").asDouble()).isCloseTo(Double.parseDouble(lon()), org.assertj.core.data.Offset.offset(1e-6));

        var xml = get("/requests/" + id + ".xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.xpath("/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(xml.xpath("/service_requests/request/requested_datetime"))
                .isEqualTo(r.get("requested_datetime").asString());
        assertThat(xml.xpath("/service_requests/request/description")).isEqualTo("路灯井盖缺失 visible in both");
    }

    @Test
    void absentOptionalFieldsAreNullInJsonAndEmptyElementsInXml() {
        var id = created("nulls");
        var r = get("/requests/" + id + ".json").json().get(0);
        assertThat(r.get("zipcode").isNull()).isTrue();
        assertThat(r.get("media_url").isNull()).isTrue();
        var xml = get("/requests/" + id + ".xml");
        assertThat(xml.xpathAll("/service_requests/request/zipcode")).containsExactly("");
    }

    @Test
    void optionalArgumentsAreStoredAndMediaUrlIsShown() {
        var form = report("with extras");
        form.put("email", "citizen@example.org");
        form.put("first_name", "Li");
        form.put("last_name", "Lei");
        form.put("phone", "+86 10 1234 5678");
        form.put("device_id", "device-1");
        form.put("account_id", "account-1");
        form.put("media_url", "https://example.org/photo.jpg");
        var answer = post("/requests.json", form);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        assertThat(answer.json().get(0).get("account_id").asString()).isEqualTo("account-1");
        var id = answer.json().get(0).get("service_request_id").asString();
        var r = get("/requests/" + id + ".json").json().get(0);
        assertThat(r.get("media_url").asString()).isEqualTo("https://example.org/photo.jpg");
        assertThat(answer.body() + get("/requests/" + id + ".json").body())
                .doesNotContain("citizen@example.org").doesNotContain("1234 5678");
    }

    @Test
    void aMediaUrlThatIsNotHttpIs400() {
        var form = report("bad media");
        form.put("media_url", "javascript:alert(1)");
        assertThat(post("/requests.json", form).status()).isEqualTo(400);
    }

    @Test
    void markupInTheDescriptionIsTextEscapedInXml() {
        var text = "<script>alert('x')</script> & 'quotes'";
        var id = created(text);
        var xml = get("/requests/" + id + ".xml");
        assertThat(xml.body()).doesNotContain("<script>");
        assertThat(xml.xpath("/service_requests/request/description")).isEqualTo(text);
        assertThat(get("/requests/" + id + ".json").json().get(0).get("description").asString()).isEqualTo(text);
    }

    @Test
    void aPointOutsideTheJurisdictionIs400() {
        var form = report("far away");
        form.put("lat", "0.5");
        form.put("long", "0.5");
        var answer = post("/requests.json", form);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get(0).get("description").asString()).isNotBlank();
    }

    @Test
    void duplicatePostsAreNotSilentlyMerged() {
        var first = created("same text, same place");
        var second = created("same text, same place");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anUnknownRequestIs404AndAMalformedIdToo() {
        assertThat(get("/requests/999999999.json").status()).isEqualTo(404);
        var xml = get("/requests/not-an-id.xml");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(xml.xpath("/errors/error/code")).isEqualTo("404");
    }

    @Test
    void theBodyMayNameTheJurisdiction() {
        var form = report("with jurisdiction");
        form.put("jurisdiction_id", System.getProperty("open311.jurisdictionId", "citygrid.local"));
        assertThat(post("/requests.json", form).status()).isIn(200, 201);
        form.put("jurisdiction_id", "elsewhere.example");
        assertThat(post("/requests.json", form).status()).isEqualTo(404);
    }


    @Test
    void anAddressStringTheGazetteerKnowsIsALocation() {
        assumeLocalServer();
        var streets = adminSend("GET", "/api/v1/geo/divisions?level=STREET", null, null);
        assertThat(streets.status()).isEqualTo(200);
        var name = streets.json().get(0).get("name").asString();
        var form = report("by address");
        form.remove("lat");
        form.remove("long");
        form.put("address_string", name);
        var answer = post("/requests.json", form);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        var r = get("/requests/" + answer.json().get(0).get("service_request_id").asString() + ".json").json().get(0);
        assertThat(r.get("address").asString()).isEqualTo(name);
        assertThat(r.get("lat").asDouble()).isNotZero();
    }

    @Test
    void anAddressStringNobodyKnowsIs400() {
        var form = report("unknown address");
        form.remove("lat");
        form.remove("long");
        form.put("address_string", "Nowhere Street 99, Atlantis");
        assertThat(post("/requests.json", form).status()).isEqualTo(400);
    }

    /**
     * What FixMyStreet, the most demanding real client (§1.8, §1.9), sends: every optional field, an address text next
     * to the point, {@code address_id=#NOTPINPOINTED#}; it reads the id from the XML answer.
     */
    @Test
    void aFixMyStreetStylePostIsAccepted() {
        var form = report("Pothole outside number 12\nReported via FixMyStreet");
        form.put("email", "fms-user@example.org");
        form.put("first_name", "Fix");
        form.put("last_name", "MyStreet");
        form.put("phone", "");
        form.put("address_string", "东长安街");
        form.put("address_id", "#NOTPINPOINTED#");
        form.put("media_url", "https://www.fixmystreet.com/photo/12345.0.full.jpeg");
        form.put("jurisdiction_id", "");
        var answer = post("/requests.xml", form);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        var id = answer.xpath("/service_requests/request/service_request_id");
        assertThat(id).matches("\\d+");
        var r = get("/requests/" + id + ".xml");
        assertThat(r.xpath("/service_requests/request/description"))
                .isEqualTo("Pothole outside number 12\nReported via FixMyStreet");
        assertThat(r.xpath("/service_requests/request/address_id")).isEqualTo("#NOTPINPOINTED#");
    }
}
