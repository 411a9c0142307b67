package org.citygrid.intake.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.citygrid.support.Browser;
import org.citygrid.support.DemoCases;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The offline acceptance test: a supervisor's field app loses the network (Chromium's network emulation over
 * CDP), files two reports (one with a photo), gets the network back, and exactly two cases exist — also after the
 * app starts again and sends whatever it still holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class FieldAppOfflineInTheBrowserTests {

    static final double LON = 116.4039;
    static final double LAT = 39.9151;

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @TempDir
    Path dir;

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

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void network(boolean online) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** supervisor1 signs in and opens the app, standing at the demo point (the browser's geolocation). */
    private void openTheApp() {
        network(true);
        Browser.signIn(browser, port, "supervisor1", DemoCases.PASSWORD);
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + port,
                "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT, "longitude", LON,
                "accuracy", 5));
        browser.get("http://localhost:" + port + "/field/");
        waiting().until(d -> "true".equals(bodyData("ready")));
        assertThat(bodyData("sw")).isEqualTo("ready");
        waiting().until(d -> !d.findElements(By.cssSelector("#position-text[data-lat]")).isEmpty());
    }

    private String bodyData(String name) {
        return (String) browser.executeScript("return document.body.dataset[arguments[0]] || ''", name);
    }

    private long casesDescribedAs(String description) {
        return jdbc.sql("SELECT count(*) FROM case_file WHERE description = ? AND channel = 'SUPERVISOR' "
                + "AND reported_by = 'supervisor1'").param(description).query(Long.class).single();
    }

    private void click(By by) {
        var element = browser.findElement(by);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void report(String description, Path photo, boolean fromRecent) {
        if (fromRecent) {
            click(By.cssSelector("#recent-classes button[data-code='01001']"));
        } else {
            browser.findElement(By.id("class-search")).sendKeys("01001");
            click(By.cssSelector("#class-results button[data-code='01001']"));
        }
        assertThat(browser.findElement(By.id("class-chosen")).getAttribute("data-code")).isEqualTo("01001");
        browser.findElement(By.id("description")).sendKeys(description);
        if (photo != null) {
            browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
        }
        click(By.id("submit"));
    }

    @Test
    void twoReportsFiledOfflineBecomeExactlyTwoCasesOnceOnline() throws Exception {
        var photo = dir.resolve("井盖.png");
        Files.write(photo, TestPhotos.png(640, 480));
        var first = "离线上报一 " + UUID.randomUUID();
        var second = "离线上报二 " + UUID.randomUUID();

        openTheApp();
        // the app shell is in the service worker's cache
        waiting().until(d -> Boolean.TRUE.equals(browser.executeAsyncScript(
                "var done = arguments[0]; caches.match('/field/').then(function (r) { done(!!r); })")));

        network(false);
        waiting().until(d -> "offline".equals(d.findElement(By.id("net")).getAttribute("data-state")));
        report(first, photo, false);
        waiting().until(d -> "1".equals(bodyData("outbox")));
        report(second, null, true);
        waiting().until(d -> "2".equals(bodyData("outbox")));
        assertThat(browser.findElement(By.id("report-done")).getText()).contains("离线");
        Browser.screenshot(browser, "field-offline-outbox");
        assertThat(casesDescribedAs(first) + casesDescribedAs(second)).isZero();

        network(true);
        waiting().until(d -> "0".equals(bodyData("outbox")));
        assertThat(casesDescribedAs(first)).isEqualTo(1);
        assertThat(casesDescribedAs(second)).isEqualTo(1);
        long firstId = jdbc.sql("SELECT id FROM case_file WHERE description = ?").param(first).query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM case_attachment WHERE case_id = ?").param(firstId)
                .query(Long.class).single()).isEqualTo(1);

        // The app starting again sends what it still holds (nothing): still exactly two cases.
        browser.navigate().refresh();
        waiting().until(d -> "true".equals(bodyData("ready")));
        assertThat(bodyData("outbox")).isEqualTo("0");
        assertThat(casesDescribedAs(first) + casesDescribedAs(second)).isEqualTo(2);
        Browser.screenshot(browser, "field-after-sync");
    }

    @Test
    void aSelfHandledReportCarriesItsBeforeAndAfterPhotos() throws Exception {
        var before = dir.resolve("before.png");
        var after = dir.resolve("after.jpg");
        Files.write(before, TestPhotos.png(640, 480));
        Files.write(after, TestPhotos.jpeg(640, 480));
        var description = "自处置 " + UUID.randomUUID();
        openTheApp();

        browser.findElement(By.id("class-search")).sendKeys("01001");
        click(By.cssSelector("#class-results button[data-code='01001']"));
        click(By.cssSelector("#templates button"));
        browser.findElement(By.id("description")).sendKeys(" " + description);
        click(By.id("self-handled"));
        browser.findElement(By.id("photos")).sendKeys(before.toAbsolutePath().toString());
        click(By.id("submit"));
        assertThat(browser.findElement(By.id("report-error")).getText()).isNotBlank(); // no "after" photo yet
        browser.findElement(By.id("after-photos")).sendKeys(after.toAbsolutePath().toString());
        click(By.id("submit"));
        waiting().until(d -> d.findElement(By.id("report-done")).getText().contains("案件号"));

        var row = jdbc.sql("SELECT id, self_handled FROM case_file WHERE description LIKE ?")
                .param("%" + description).query().singleRow();
        assertThat(row.get("self_handled")).isEqualTo(true);
        assertThat(jdbc.sql("SELECT file_name FROM case_attachment WHERE case_id = ? ORDER BY id")
                .param(row.get("id")).query(String.class).list()).containsExactly("before-1.png", "after-1.jpg");
    }

    @Test
    void aSupervisorVerifiesATaskOnTheSpotWithAPhoto() throws Exception {
        var demo = new DemoCases(mvc);
        long id = demo.report();
        demo.act(id, "operator1", "send-verify", "\"supervisor\":\"supervisor1\"");
        var photo = dir.resolve("verify.png");
        Files.write(photo, TestPhotos.png(640, 480));
        openTheApp();

        click(By.id("tab-tasks"));
        var card = By.cssSelector(".cg-task[data-case-id='" + id + "']");
        waiting().until(d -> !d.findElements(card).isEmpty());
        var task = browser.findElement(card);
        assertThat(task.getAttribute("data-action")).isEqualTo("verify");
        assertThat(task.findElement(By.cssSelector("a.task-geo")).getAttribute("href"))
                .startsWith("geo:" + LAT + "," + LON);
        task.findElement(By.cssSelector("textarea")).sendKeys("现场属实");
        task.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toAbsolutePath().toString());
        click(By.cssSelector(".cg-task[data-case-id='" + id + "'] button[data-passed=true]"));
        waiting().until(d -> "true".equals(d.findElement(card).getAttribute("data-done")));

        assertThat(demo.statusOf(id)).isEqualTo("PENDING_FILING");
        assertThat(jdbc.sql("SELECT count(*) FROM case_attachment WHERE case_id = ? AND uploaded_by = 'supervisor1'")
                .param(id).query(Long.class).single()).isEqualTo(1);
        Browser.screenshot(browser, "field-task-verified");
    }
}
