package org.citygrid.open311.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a GeoReport v2 server over real HTTP ({@code java.net.http}). By default the server is this project's, started
 * on a random port with the demo district; {@code -Dopen311.baseUrl=https://host/open311/v2} points the same tests at
 * any server (the local one still starts), with {@code -Dopen311.apiKey}, {@code -Dopen311.serviceCode} (a service
 * whose only required input is the location) and {@code -Dopen311.lat}/{@code -Dopen311.long} (a point it serves).
 * Without {@code open311.apiKey} a key is issued through this platform's admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citygrid.open311.throttle.address-capacity=100000", "citygrid.open311.throttle.key-capacity=100000"})
@ActiveProfiles("demo")
public abstract class Open311Http {

    protected static final String ADMIN = "admin";
    protected static final String PASSWORD = "Demo@2026";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    /** An answer: status, content type, body. */
    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Document xml() {
            try {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError("not well-formed XML: " + body, e);
            }
        }

        public String xpath(String expression) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(expression, xml());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        public List<String> xpathAll(String expression) {
            try {
                var nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, xml(),
                        XPathConstants.NODESET);
                var list = new ArrayList<String>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    list.add(nodes.item(i).getTextContent());
                }
                return list;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The content type without spaces, in lower case: {@code text/xml;charset=utf-8}. */
    protected static String mediaType(Answer answer) {
        return answer.contentType().replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    protected String base() {
        return System.getProperty("open311.baseUrl", "http://localhost:" + port + "/open311/v2");
    }

    /** Tests that prepare data through this platform's admin API (history import, gazetteer) run only locally. */
    protected static void assumeLocalServer() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("open311.baseUrl") == null,
                "needs this platform's admin API");
    }

    protected String origin() {
        return "http://localhost:" + port;
    }

    protected String serviceCode() {
        return System.getProperty("open311.serviceCode", "01001");
    }

    protected String lat() {
        return System.getProperty("open311.lat", "39.9151");
    }

    protected String lon() {
        return System.getProperty("open311.long", "116.4039");
    }

    /** A key for this server: given, or issued once per server through the admin API. */
    protected String apiKey() {
        var given = System.getProperty("open311.apiKey");
        if (given != null) {
            return given;
        }
        return KEYS.computeIfAbsent(origin(), o -> {
            var answer = adminPost("/api/v1/open311/keys", "{\"name\":\"conformance\"}");
            assertThat(answer.status()).isEqualTo(201);
            return answer.json().get("apiKey").asString();
        });
    }

    protected Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET());
    }

    /** A form-encoded POST; a value of {@code null} leaves the field out; a list repeats it. */
    protected Answer post(String path, Map<String, ?> form) {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** The fields of a valid report: key, service, location, description. */
    protected Map<String, Object> report(String description) {
        var form = new LinkedHashMap<String, Object>();
        form.put("api_key", apiKey());
        form.put("service_code", serviceCode());
        form.put("lat", lat());
        form.put("long", lon());
        form.put("description", description);
        return form;
    }

    /** POSTs a valid report and answers its service_request_id. */
    protected String created(String description) {
        var answer = post("/requests.json", report(description));
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        return answer.json().get(0).get("service_request_id").asString();
    }

    protected Answer adminPost(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(origin() + path)).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected Answer adminSend(String method, String path, String contentType, String body) {
        var b = HttpRequest.newBuilder(URI.create(origin() + path)).header("Authorization", basic());
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    protected static String form(Map<String, ?> form) {
        return form.entrySet().stream().filter(e -> e.getValue() != null).flatMap(e -> {
            var values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
            return values.stream().map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v)));
        }).collect(Collectors.joining("&"));
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }
}
