package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** §1.3 (1) GET Service List and (2) GET Service Definition; §1.5 value sets; §1.6.1 string ids. */
@Tag("open311-v2")
class ServicesConformanceTests extends Open311Http {

    @Test
    void theServiceListIsAJsonArrayOfServicesWithEveryField() {
        var services = get("/services.json").json();
        assertThat(services.isArray()).isTrue();
        assertThat(services.size()).isPositive();
        var codes = new HashSet<String>();
        for (var s : services) {
            assertThat(s.get("service_code").isString()).as("service_code is a string").isTrue();
            assertThat(codes.add(s.get("service_code").asString())).as("unique " + s.get("service_code")).isTrue();
            assertThat(s.get("service_name").asString()).isNotBlank();
            assertThat(s.has("description")).isTrue();
            assertThat(s.get("metadata").isBoolean()).isTrue();
            assertThat(s.get("type").asString()).isIn("realtime", "batch", "blackbox");
            assertThat(s.has("keywords")).isTrue();
            assertThat(s.has("group")).isTrue();
        }
    }

    @Test
    void theXmlServiceListHasTheSameServices() {
        var xml = get("/services.xml");
        var json = get("/services.json").json();
        var codes = xml.xpathAll("/services/service/service_code");
        assertThat(codes).hasSize(json.size());
        assertThat(codes.getFirst()).isEqualTo(json.get(0).get("service_code").asString());
        assertThat(xml.xpathAll("/services/service/metadata")).allMatch(v -> v.equals("true") || v.equals("false"));
    }

    @Test
    void aServiceWithMetadataHasADefinitionWithOrderedTypedAttributes() {
        var withMetadata = firstWithMetadata();
        var definition = get("/services/" + withMetadata + ".json");
        assertThat(definition.status()).isEqualTo(200);
        var json = definition.json();
        assertThat(json.isObject()).as("a single object, not an array").isTrue();
        assertThat(json.get("service_code").asString()).isEqualTo(withMetadata);
        var orders = new HashSet<Integer>();
        for (var a : json.get("attributes")) {
            assertThat(a.get("variable").isBoolean()).isTrue();
            assertThat(a.get("code").asString()).isNotBlank();
            assertThat(a.get("datatype").asString())
                    .isIn("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
            assertThat(a.get("required").isBoolean()).isTrue();
            assertThat(a.get("order").asInt()).isPositive();
            assertThat(orders.add(a.get("order").asInt())).as("order unique").isTrue();
            assertThat(a.get("description").asString()).isNotBlank();
        }
        assertThat(orders).isNotEmpty();
    }

    @Test
    void theXmlDefinitionWrapsAttributesInAnAttributesElement() {
        var code = firstWithMetadata();
        var xml = get("/services/" + code + ".xml");
        assertThat(xml.xpath("/service_definition/service_code")).isEqualTo(code);
        assertThat(xml.xpathAll("/service_definition/attributes/attribute/code")).isNotEmpty();
    }

    @Test
    void aServiceWithoutMetadataHasAnEmptyDefinition() {
        var services = get("/services.json").json();
        for (var s : services) {
            if (!s.get("metadata").asBoolean()) {
                var json = get("/services/" + s.get("service_code").asString() + ".json").json();
                assertThat(json.get("attributes").size()).isZero();
                return;
            }
        }
    }

    @Test
    void anUnknownServiceDefinitionIsA404InBothFormats() {
        var xml = get("/services/99999.xml");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(xml.xpath("/errors/error/code")).isEqualTo("404");
        var json = get("/services/99999.json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().get(0).get("code").asString()).isEqualTo("404");
    }

    private String firstWithMetadata() {
        for (var s : get("/services.json").json()) {
            if (s.get("metadata").asBoolean()) {
                return s.get("service_code").asString();
            }
        }
        throw new AssertionError("no service with metadata=true");
    }

}
