package org.citygrid.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.citygrid.cases.Actor;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.org.Role;
import org.citygrid.support.Browser;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal in a real browser and over real HTTP: a citizen taps the map, finds the class by searching, describes
 * the problem, sends it, lands on the tracking page with their code, and finds it again by typing the code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(PortalTestClock.class)
@ExtendWith(Browser.Required.class)
class PortalInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    PortalStore store;
    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aCitizenReportsOnTheMapAndFollowsTheReportByItsCode() {
        browser.manage().deleteAllCookies();
        browser.get(url("/public/report"));
        var map = browser.findElement(By.id("portal-map"));
        new Actions(browser).moveToElement(map).click().perform();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> !d.findElement(By.id("lon")).getAttribute("value").isEmpty());
        browser.findElement(By.id("class-search")).sendKeys("井盖");
        wait.until(d -> !d.findElement(By.id("classRef")).getAttribute("value").isEmpty());
        browser.findElement(By.id("description")).sendKeys("井盖松动，踩上去会响");
        Browser.screenshot(browser, "portal-report");
        clock.advance(Duration.ofSeconds(10)); // the citizen took their time
        var submit = browser.findElement(By.id("portal-submit"));
        // the duplicate hint may still be swapping in above the button: press it where it is now
        browser.executeScript("arguments[0].click();", submit);
        wait.until(d -> d.getCurrentUrl().contains("/public/track/"));

        var shown = browser.findElement(By.id("tracking-code")).getText();
        assertThat(browser.findElement(By.id("portal-received")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("track-status")).getText()).isEqualTo("已收到，待受理");
        var code = TrackingCodes.normalize(shown).orElseThrow();
        var c = cases.get(store.tracking(code).orElseThrow().caseId(), Actor.of("operator1", null, Role.OPERATOR));
        assertThat(c.channel()).isEqualTo(Channel.PORTAL);
        assertThat(c.description()).isEqualTo("井盖松动，踩上去会响");
        Browser.screenshot(browser, "portal-tracking");

        browser.get(url("/public/track"));
        browser.findElement(By.id("code")).sendKeys(shown.toLowerCase(Locale.ROOT));
        browser.findElement(By.cssSelector("#track-form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/public/track/" + code));
        assertThat(browser.findElement(By.id("tracking-code")).getText()).isEqualTo(shown);
        assertThat(browser.findElements(By.cssSelector("#public-timeline tr[data-action]"))).hasSize(1);

        clock.advance(Duration.ofMinutes(2)); // past the public map's cache
        browser.get(url("/public/map"));
        wait.until(d -> !d.findElement(By.id("public-map-count")).getText().isEmpty());
        assertThat(browser.findElements(By.cssSelector("#public-map path.leaflet-interactive"))).isNotEmpty();
        Browser.screenshot(browser, "portal-map");
    }

    @Test
    void aFiftyMegabyteUploadIsAnsweredWith413AndLeavesNoTrace() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE channel = 'PORTAL'").query(Long.class).single();
        var boundary = "----portal" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        var body = new byte[head.length + 50_000_000 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        var request = HttpRequest.newBuilder(URI.create(url("/public/report")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
        }
        long after = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE channel = 'PORTAL'").query(Long.class).single();
        assertThat(after).isEqualTo(before);
    }
}
