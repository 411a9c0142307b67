package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.citygrid.support.DemoCases;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Through the real server and its multipart limit: a photo above 10 MB is a 413 problem, not a 500 or a reset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class AttachmentUploadLimitTests {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    private HttpResponse<String> upload(long caseId, byte[] file) throws Exception {
        var boundary = "----citygrid" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var auth = Base64.getEncoder().encodeToString(("operator1:" + DemoCases.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases/" + caseId
                        + "/attachments"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A JPEG signature followed by {@code size} bytes in all. */
    private static byte[] jpegSized(int size) {
        var bytes = new byte[size];
        System.arraycopy(TestPhotos.jpegHeaderOnGarbage(), 0, bytes, 0, 3);
        return bytes;
    }

    @Test
    void aPhotoAboveTenMegabytesIsA413ProblemSayingTheLimit() throws Exception {
        long id = new DemoCases(mvc).report();
        var response = upload(id, jpegSized(10 * 1024 * 1024 + 1));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413").contains("10 MB");
    }

    @Test
    void aPhotoJustBelowTheLimitIsCheckedForItsContentInstead() throws Exception {
        long id = new DemoCases(mvc).report();
        var response = upload(id, jpegSized(10 * 1024 * 1024 - 1024));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"file\"");
    }
}
