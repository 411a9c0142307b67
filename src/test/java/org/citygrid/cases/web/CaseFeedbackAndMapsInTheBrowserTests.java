package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * In a real browser: the handler's feedback form uploads its photos in the same submit (and a bad file is refused
 * with nothing saved), the case page's map draws the case, its grid and its neighbours, and the operator's queue map
 * has a marker per report that opens the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class CaseFeedbackAndMapsInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
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

    private long inProgress(DemoCases demo) throws Exception {
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");
        demo.act(id, "shiftlead1", "file", "\"urgent\":false");
        demo.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo.act(id, "h-water", "receive", "");
        return id;
    }

    private String caseJson(long id) throws Exception {
        return mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", DemoCases.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
    }

    private int attachmentCount(long id) throws Exception {
        var body = mvc.perform(get("/api/v1/cases/" + id + "/attachments")
                .with(httpBasic("operator1", DemoCases.PASSWORD))).andReturn().getResponse().getContentAsString();
        List<Object> all = JsonPath.read(body, "$[*]");
        return all.size();
    }

    private void open(String user, long id) {
        Browser.signIn(browser, port, user, DemoCases.PASSWORD);
        browser.get("http://localhost:" + port + "/cases/" + id);
    }

    @Test
    void theHandlersFeedbackCarriesThePhotosChosenInTheSameForm() throws Exception {
        var demo = new DemoCases(mvc);
        long id = inProgress(demo);
        var before = dir.resolve("修复前.png");
        var after = dir.resolve("修复后.jpg");
        Files.write(before, TestPhotos.png(640, 480));
        Files.write(after, TestPhotos.jpeg(640, 480));

        open("h-water", id);
        browser.findElement(By.id("action-note")).sendKeys("已更换井盖");
        browser.findElement(By.id("feedback-new-photos"))
                .sendKeys(before.toAbsolutePath() + "\n" + after.toAbsolutePath());
        browser.findElement(By.cssSelector("[data-action-button=feedback]")).click();

        assertThat(browser.findElement(By.id("action-done")).getText()).contains("处置反馈");
        assertThat(demo.statusOf(id)).isEqualTo("PENDING_CHECK");
        List<List<Integer>> photos = JsonPath.read(caseJson(id), "$.timeline[?(@.action == 'feedback')].attachmentIds");
        assertThat(photos.getFirst()).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#case-timeline [data-timeline-photo]"))).hasSize(2);
        Browser.screenshot(browser, "case-feedback-with-photos");
    }

    @Test
    void aBadFileInTheFeedbackFormIsNamedAndNothingIsSaved() throws Exception {
        var demo = new DemoCases(mvc);
        long id = inProgress(demo);
        var good = dir.resolve("井盖.png");
        var bad = dir.resolve("报告.pdf");
        Files.write(good, TestPhotos.png(320, 240));
        Files.write(bad, TestPhotos.pdf());

        open("h-water", id);
        browser.findElement(By.id("action-note")).sendKeys("已更换井盖");
        browser.findElement(By.id("feedback-new-photos")).sendKeys(good.toAbsolutePath() + "\n" + bad.toAbsolutePath());
        browser.findElement(By.cssSelector("[data-action-button=feedback]")).click();

        assertThat(browser.findElement(By.id("action-refused")).getText()).contains("报告.pdf").contains("JPEG")
                .contains("未保存任何内容");
        assertThat(demo.statusOf(id)).isEqualTo("IN_PROGRESS");
        assertThat(attachmentCount(id)).isZero();
    }

    @Test
    void theCasePageMapShowsTheCaseItsGridAndOpenCasesNearby() throws Exception {
        var demo = new DemoCases(mvc);
        long neighbour = demo.report();
        long id = demo.report();
        var gridCode = (String) JsonPath.read(caseJson(id), "$.gridCode");

        open("operator1", id);
        var map = browser.findElement(By.id("case-map"));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> map.getDomAttribute("data-grid-drawn") != null && map.getDomAttribute("data-nearby") != null);
        assertThat(map.getDomAttribute("data-grid-drawn")).isEqualTo(gridCode);
        assertThat(Integer.parseInt(map.getDomAttribute("data-nearby"))).isGreaterThanOrEqualTo(1);

        // a neighbour's marker opens that case
        var markers = browser.findElements(By.cssSelector("#case-map path.leaflet-interactive"));
        assertThat(markers).hasSizeGreaterThanOrEqualTo(2);
        Browser.screenshot(browser, "case-map");
        assertThat(neighbour).isNotEqualTo(id);
    }

    @Test
    void theOperatorSeesIncomingReportsOnAMapAndAMarkerOpensTheCase() throws Exception {
        var demo = new DemoCases(mvc);
        long id = demo.report();

        Browser.signIn(browser, port, "operator1", DemoCases.PASSWORD);
        browser.get("http://localhost:" + port + "/workbench/operator");
        var map = browser.findElement(By.id("queue-map"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> map.getDomAttribute("data-markers") != null);
        int rows = browser.findElements(By.cssSelector("#queue-table tbody tr")).size();
        assertThat(Integer.parseInt(map.getDomAttribute("data-markers"))).isEqualTo(rows).isPositive();
        Browser.screenshot(browser, "operator-queue-map");

        var marker = browser.findElement(By.cssSelector("#queue-map [data-case-marker='" + id + "']"));
        browser.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/cases/" + id));
    }
}
