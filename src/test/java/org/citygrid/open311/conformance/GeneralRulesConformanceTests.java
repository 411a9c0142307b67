package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** §1.1 general rules, §1.2 discovery and §1.4 errors of GeoReport v2 (shared/domain/open311.md). */
@Tag("open311-v2")
class GeneralRulesConformanceTests extends Open311Http {

    private static final List<String> XML_RESOURCES = List.of("/discovery.xml", "/services.xml", "/requests.xml");

    @Test
    void xmlIsServedAsTextXmlUtf8AndStartsWithTheXmlDeclaration() {
        for (var resource : XML_RESOURCES) {
            var answer = get(resource);
            assertThat(answer.status()).as(resource).isEqualTo(200);
            assertThat(mediaType(answer)).as(resource).isEqualTo("text/xml;charset=utf-8");
            assertThat(answer.body()).as(resource).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            answer.xml();
        }
    }

    @Test
    void jsonIsServedAsApplicationJsonUtf8() {
        for (var resource : XML_RESOURCES) {
            var json = resource.replace(".xml", ".json");
            var answer = get(json);
            assertThat(answer.status()).as(json).isEqualTo(200);
            assertThat(mediaType(answer)).as(json).isEqualTo("application/json;charset=utf-8");
            answer.json();
        }
    }

    @Test
    void xmlHasNoNamespaceOrForeignRootElement() {
        var xml = get("/services.xml").xml();
        assertThat(xml.getDocumentElement().getNamespaceURI()).isNull();
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
    }

    @Test
    void discoveryIsServedInBothFormatsWithEveryRequiredField() {
        var xml = get("/discovery.xml");
        assertThat(xml.xml().getDocumentElement().getTagName()).isEqualTo("discovery");
        for (var field : List.of("changeset", "contact", "key_service")) {
            assertThat(xml.xpath("/discovery/" + field)).as(field).isNotBlank();
        }
        assertThat(xml.xpath("/discovery/endpoints/endpoint/specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(xml.xpath("/discovery/endpoints/endpoint/url")).isNotBlank();
        assertThat(xml.xpath("/discovery/endpoints/endpoint/changeset")).isNotBlank();
        assertThat(xml.xpath("/discovery/endpoints/endpoint/type")).isIn("production", "test");
        assertThat(xml.xpathAll("/discovery/endpoints/endpoint/formats/format"))
                .contains("text/xml", "application/json");

        var json = get("/discovery.json").json();
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("changeset").asString()).isEqualTo(xml.xpath("/discovery/changeset"));
        assertThat(json.get("contact").asString()).isNotBlank();
        assertThat(json.get("key_service").asString()).isNotBlank();
        assertThat(json.get("endpoints").isArray()).isTrue();
        var endpoint = json.get("endpoints").get(0);
        assertThat(endpoint.get("formats").isArray()).isTrue();
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
    }

    @Test
    void discoveryUrlServesTheApi() {
        var url = get("/discovery.json").json().get("endpoints").get(0).get("url").asString();
        assertThat(url).isEqualTo(base());
    }

    @Test
    void anUnknownResourceIsA404InTheErrorFormat() {
        var xml = get("/nothing-here.xml");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(mediaType(xml)).isEqualTo("text/xml;charset=utf-8");
        assertThat(xml.xpath("/errors/error/code")).isEqualTo("404");
        assertThat(xml.xpath("/errors/error/description")).isNotBlank();

        var json = get("/nothing-here.json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().get(0).get("code").asString()).isEqualTo("404");
        assertThat(json.json().get(0).get("description").asString()).isNotBlank();
    }

    @Test
    void anUnsupportedFormatIsA404() {
        assertThat(get("/services.html").status()).isEqualTo(404);
    }

    @Test
    void theOwnJurisdictionIsAcceptedAndAnEmptyOneIsLikeNone() {
        var own = get("/discovery.json").json(); // discovery names no jurisdiction; the id is configured
        assertThat(own).isNotNull();
        assertThat(get("/services.json?jurisdiction_id=").status()).isEqualTo(200);
        assertThat(get("/services.json?jurisdiction_id=" + System.getProperty("open311.jurisdictionId", "citygrid.local")).status()).isEqualTo(200);
    }

    @Test
    void anUnknownJurisdictionIsA404() {
        for (var resource : List.of("/services.xml", "/services/" + serviceCode() + ".xml", "/requests.xml")) {
            var answer = get(resource + "?jurisdiction_id=elsewhere.example");
            assertThat(answer.status()).as(resource).isEqualTo(404);
            assertThat(answer.xpath("/errors/error/code")).isEqualTo("404");
        }
    }

    @Test
    void errorDescriptionsFollowTheClientsLanguage() {
        var en = get("/services/99999.json", "en");
        var zh = get("/services/99999.json", "zh-CN");
        assertThat(en.json().get(0).get("description").asString()).contains("There is no service code");
        assertThat(zh.json().get(0).get("description").asString()).contains("没有服务代码");
    }

    private Answer get(String path, String language) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(base() + path)).header("Accept-Language", language).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
