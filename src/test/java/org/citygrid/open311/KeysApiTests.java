package org.citygrid.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.citygrid.open311.conformance.Open311Http;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/open311/keys} and the admin page: only administrators issue, list and revoke keys. */
class KeysApiTests extends Open311Http {

    private Answer as(String user, String method, String path, String json) {
        var b = HttpRequest.newBuilder(URI.create(origin() + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            var r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAdministratorIssuesListsAndRevokesAKey() {
        var issued = as(ADMIN, "POST", "/api/v1/open311/keys", "{\"name\":\"district platform\"}");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("name").asString()).isEqualTo("district platform");
        var apiKey = issued.json().get("apiKey").asString();
        var id = issued.json().get("id").asLong();

        var form = report("with the new key");
        form.put("api_key", apiKey);
        assertThat(post("/requests.json", form).status()).isEqualTo(201);

        var list = as(ADMIN, "GET", "/api/v1/open311/keys", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("district platform").doesNotContain(apiKey).doesNotContain("apiKey");

        var revoked = as(ADMIN, "DELETE", "/api/v1/open311/keys/" + id, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(post("/requests.json", form).status()).as("a revoked key is refused").isEqualTo(403);
    }

    @Test
    void onlyAdministratorsManageKeys() {
        assertThat(as(null, "GET", "/api/v1/open311/keys", null).status()).isEqualTo(401);
        assertThat(as("operator1", "POST", "/api/v1/open311/keys", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(as("operator1", "GET", "/api/v1/open311/keys", null).status()).isEqualTo(403);
        assertThat(as("operator1", "DELETE", "/api/v1/open311/keys/1", null).status()).isEqualTo(403);
    }

    @Test
    void aKeyNeedsANameAndAnUnknownKeyCannotBeRevoked() {
        var blank = as(ADMIN, "POST", "/api/v1/open311/keys", "{\"name\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(as(ADMIN, "POST", "/api/v1/open311/keys", "{").status()).isEqualTo(400);
        assertThat(as(ADMIN, "DELETE", "/api/v1/open311/keys/987654321", null).status()).isEqualTo(404);
    }

    @Test
    void theAdminPageListsKeysForAdministratorsOnly() {
        as(ADMIN, "POST", "/api/v1/open311/keys", "{\"name\":\"page client\"}");
        var page = as(ADMIN, "GET", "/admin/open311/keys", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("page client").contains("id=\"issue-key\"");
        assertThat(as("operator1", "GET", "/admin/open311/keys", null).status()).isEqualTo(403);
    }
}
