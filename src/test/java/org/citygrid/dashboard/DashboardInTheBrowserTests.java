package org.citygrid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Locator;
import org.citygrid.support.Browser;
import org.citygrid.support.CaseHistories;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Acceptance of the dashboard (issue 6): a leader's open dashboard shows a case reported through the API — the
 * open count, the state bar and the map's count — without a reload, pushed by the stream. A few days of imported
 * history (some of it still open and overdue) give the panels something to show; the screenshots of the page and of
 * the big screen go to target/screenshots (copied into docs/img for the docs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "citygrid.dashboard.debounce=PT0.3S")
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class DashboardInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    CaseImport imports;
    @Autowired
    Locator locator;
    @Autowired
    Catalog catalog;

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
    void aCaseReportedThroughTheApiAppearsOnTheOpenDashboardWithoutAReload() throws Exception {
        importRecentHistory();
        Browser.signIn(browser, port, "leader", DemoCases.PASSWORD);
        browser.get(url("/dashboard"));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> refreshes() >= 1 && !mapTotal().isEmpty());
        wait.until(d -> "live".equals(d.findElement(By.id("dash-live")).getDomAttribute("data-state")));
        long open = number("kpi-open");
        long reported = number("stage-REPORTED");
        long onMap = Long.parseLong(mapTotal());
        ((JavascriptExecutor) browser).executeScript("window.cgSamePage = true;");

        var answer = report();
        assertThat(answer.statusCode()).isEqualTo(201);

        wait.until(d -> number("kpi-open") == open + 1);
        wait.until(d -> number("stage-REPORTED") == reported + 1 && Long.parseLong(mapTotal()) == onMap + 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.cgSamePage === true;"))
                .as("updated in place, not reloaded").isEqualTo(true);
        assertThat(browser.findElement(By.id("ranking-panel")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#overdue-list tr[data-case-id]"))).isNotEmpty();
        browser.manage().window().setSize(new Dimension(1600, 1350));
        wait.until(d -> refreshes() >= 1);
        Browser.screenshot(browser, "dashboard");

        // a 1920×1080 viewport: the window also holds the browser's own bars
        var bars = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return window.outerHeight - window.innerHeight;")).intValue();
        browser.manage().window().setSize(new Dimension(1920, 1080 + bars));
        browser.get(url("/dashboard/big"));
        wait.until(d -> refreshes() >= 1 && !mapTotal().isEmpty());
        assertThat(number("kpi-open")).isEqualTo(open + 1);
        Browser.screenshot(browser, "dashboard-big");
        browser.get(url("/dashboard/big?lang=en"));
        wait.until(d -> refreshes() >= 1 && !mapTotal().isEmpty());
        assertThat(browser.findElement(By.id("dashboard-title")).getText()).isEqualTo("City Operations Command Centre");
        Browser.screenshot(browser, "dashboard-big-en");
    }

    private long refreshes() {
        var value = browser.findElement(By.id("dashboard")).getDomAttribute("data-refreshed");
        return value == null ? 0 : Long.parseLong(value);
    }

    private String mapTotal() {
        var value = browser.findElement(By.id("dash-map")).getDomAttribute("data-total");
        return value == null ? "" : value;
    }

    private long number(String id) {
        var text = browser.findElement(By.id(id)).getText().replaceAll("[^0-9]", "");
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Four days of generated history, starting five days ago: closed, returned, parked … and some still open. */
    private void importRecentHistory() {
        var random = new Random(6);
        var points = new ArrayList<double[]>();
        while (points.size() < 400) {
            double lon = 116.39 + random.nextDouble() * 0.04;
            double lat = 39.895 + random.nextDouble() * 0.05;
            if (locator.locate(lon, lat).isPresent()) {
                points.add(new double[] {lon, lat});
            }
        }
        var classes = catalog.list(ClassKind.COMPONENT).stream().filter(c -> !c.urgent()).map(c -> c.code())
                .limit(12).toList();
        var places = new CaseHistories.Places(points, classes, List.of("water", "drainage", "power", "lighting",
                "roads", "greening", "sanitation"), List.of("supervisor1", "supervisor2", "supervisor3"));
        var start = Instant.now().minus(Duration.ofDays(5));
        var file = new CaseHistories(places, 7, start, "DASH-").file(400);
        var result = imports.run(file, Locale.ENGLISH);
        assertThat(result.imported()).isPositive();
    }

    private HttpResponse<String> report() throws Exception {
        var auth = Base64.getEncoder().encodeToString(("supervisor1:" + DemoCases.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url("/api/v1/cases")))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DemoCases.REPORT)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
