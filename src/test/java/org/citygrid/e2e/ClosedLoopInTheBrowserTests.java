package org.citygrid.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import org.citygrid.support.Browser;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop in a real browser: a supervisor's report walks through the operator's, the shift lead's, the
 * dispatcher's, the department's and the checking supervisor's workbenches to closure, each person finding the case
 * in their own queue and acting on it from the case page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class ClosedLoopInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupervisorsReportIsWorkedToClosureThroughEachRolesWorkbench() throws Exception {
        var c = reportAsSupervisor();
        String caseNo = JsonPath.read(c, "$.caseNo");
        long id = ((Number) JsonPath.read(c, "$.id")).longValue();

        openFromQueue("operator1", "operator", caseNo);
        press("accept");
        assertStatus("PENDING_FILING", id);

        openFromQueue("shiftlead1", "shift-lead", caseNo);
        press("file");
        assertStatus("PENDING_DISPATCH", id);

        openFromQueue("dispatcher1", "dispatcher", caseNo);
        new Select(browser.findElement(By.id("action-department"))).selectByValue("water");
        press("dispatch");
        assertStatus("DISPATCHED", id);

        openFromQueue("h-water", "department", caseNo);
        press("receive");
        browser.findElement(By.id("action-note")).sendKeys("已更换井盖");
        browser.findElement(By.id("action-reason")).sendKeys("夜间作业，无法拍照");
        press("feedback");
        assertStatus("PENDING_CHECK", id);
        Browser.screenshot(browser, "loop-department-feedback");

        openFromQueue("operator1", "operator", caseNo);
        press("send-check");
        String checker = JsonPath.read(api("GET", "/api/v1/cases/" + id, "operator1", null), "$.checker");
        assertThat(checker).startsWith("supervisor");

        openFromQueue(checker, "supervisor", caseNo);
        press("check-passed");
        assertStatus("PENDING_CLOSE", id);

        openFromQueue("shiftlead1", "shift-lead", caseNo);
        press("close");
        assertStatus("CLOSED", id);
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("结案");
        assertThat(browser.findElements(By.cssSelector("#case-timeline tr[data-action]")))
                .extracting(row -> row.getAttribute("data-action"))
                .containsSubsequence("report", "accept", "file", "dispatch", "receive", "feedback", "send-check",
                        "check", "close");
        Browser.screenshot(browser, "loop-closed");
    }

    private String reportAsSupervisor() throws Exception {
        return api("POST", "/api/v1/cases", "supervisor1", DemoCases.REPORT);
    }

    /** Signs in, opens the person's workbench and follows the case's link in their queue, paging as needed. */
    private void openFromQueue(String username, String workbench, String caseNo) {
        signIn(username);
        browser.get(url("/workbench/" + workbench));
        int pages = Integer.parseInt(browser.findElement(By.id("queue")).getAttribute("data-pages"));
        for (int page = 0; page < pages; page++) {
            if (page > 0) {
                browser.get(url("/workbench/" + workbench + "?page=" + page));
            }
            var links = browser.findElements(By.linkText(caseNo));
            if (!links.isEmpty()) {
                links.getFirst().click();
                assertThat(browser.findElement(By.id("case-no")).getText()).contains(caseNo);
                return;
            }
        }
        throw new AssertionError(caseNo + " is not in the " + workbench + " queue of " + username);
    }

    /** Presses an action button and waits for the page that answers it: done, or refused with the reason. */
    private void press(String actionButton) {
        var button = browser.findElement(By.cssSelector("[data-action-button='" + actionButton + "']"));
        // the answer to the previous action on this page stays until the answer to this one (a new page) loads: mark
        // this page, and look for the answer only on a page without the mark
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.body.dataset.pressed = 'yes'");
        button.click();
        waiting().until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && !document.body.dataset.pressed"));
        var outcome = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#action-done, #action-refused")));
        assertThat(outcome.getAttribute("id")).as(actionButton + ": " + outcome.getText()).isEqualTo("action-done");
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void assertStatus(String status, long id) throws Exception {
        assertThat(JsonPath.<String>read(api("GET", "/api/v1/cases/" + id, "operator1", null), "$.status"))
                .isEqualTo(status);
    }

    private void signIn(String username) {
        Browser.signIn(browser, port, username, DemoCases.PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/workbench/");
    }

    private String api(String method, String path, String username, String json) throws Exception {
        var auth = Base64.getEncoder().encodeToString((username + ":" + DemoCases.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + auth)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
            return response.body();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
