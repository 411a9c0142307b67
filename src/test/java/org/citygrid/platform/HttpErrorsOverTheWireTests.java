package org.citygrid.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors that only a real servlet container produces (its error dispatch), checked over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class HttpErrorsOverTheWireTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String accept, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":Demo@2026").getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Autowired
    WebServerApplicationContext context;

    @Test
    void requestsRunOnTomcatsPoolOfPlatformThreadsNotOnVirtualThreads() {
        var executor = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProtocolHandler()
                .getExecutor();
        assertThat(executor).isInstanceOf(org.apache.tomcat.util.threads.ThreadPoolExecutor.class)
                .isNotInstanceOf(org.apache.tomcat.util.threads.VirtualThreadExecutor.class);
    }

    @Test
    void anUnknownApiPathIsA404ProblemNamingThePath() throws Exception {
        var response = get("/api/v1/no-such-thing", "application/json", "admin");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("/api/v1/no-such-thing").doesNotContain("Exception");
    }

    @Test
    void anUnknownPageIsA404PageWithAWayHome() throws Exception {
        var response = get("/no-such-page", "text/html", "leader");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("页面不存在").contains("返回首页").doesNotContain("Whitelabel");
    }

    @Test
    void aForbiddenPageIsA403PageThatSaysWhatToDo() throws Exception {
        var response = get("/admin/org/people", "text/html", "supervisor1");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("没有权限").contains("联系系统管理员");
    }

    @Test
    void aWrongMethodIsA405ProblemAboutTheRequestedPath() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/org/departments"))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:Demo@2026".getBytes()))
                .DELETE().build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"instance\":\"/api/v1/org/departments\"").contains("不支持的请求方法");
    }
}
