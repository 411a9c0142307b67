package org.citygrid.geo.web;

import java.time.Duration;

import org.citygrid.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A supervisor opens the map in a real browser, sees the demo boundaries and looks up the grid of a clicked point. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class MapInTheBrowserTests {

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
    void aSupervisorClicksTheMapAndSeesTheGridAndItsDivisionChain() throws Exception {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "supervisor1", "Demo@2026");
        browser.get("http://localhost:" + port + "/map");

        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> "true".equals(b.findElement(By.id("cg-map")).getDomAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive"))).isNotEmpty();
        assertThat(browser.findElement(By.id("map-synthetic")).getText()).contains("合成");

        var map = browser.findElement(By.id("cg-map"));
        new Actions(browser).moveToElement(map).click().perform();
        wait.until(b -> b.findElements(By.id("map-grid-code")).size() == 1);

        assertThat(browser.findElement(By.id("map-grid-code")).getText()).matches("110101\\d{9}");
        var chain = browser.findElement(By.id("map-lookup-result")).getText();
        assertThat(chain).contains("东城区").contains("街道").contains("社区").contains("东城区监督网格");
        screenshot("map");

        int divisionPaths = browser.findElements(By.cssSelector("path.leaflet-interactive")).size();
        for (int i = 0; i < 4; i++) {
            // one step at a time: Leaflet ignores a zoom request while the previous zoom is still animating
            double before = zoom();
            browser.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
            wait.until(b -> zoom() > before);
        }
        assertThat(zoom()).isGreaterThanOrEqualTo(15);
        wait.withMessage(() -> "status: " + browser.findElement(By.id("map-status")).getText())
                .until(b -> b.findElement(By.id("map-status")).getText().matches("当前视野内 \\d+ 个单元网格"));
        assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive")).size())
                .isGreaterThan(divisionPaths);
        new Actions(browser).moveToElement(map, 40, 40).perform();
        wait.until(b -> b.findElements(By.cssSelector(".cg-grid-tip")).stream()
                .anyMatch(t -> t.getText().matches("110101\\d{9}")));
        screenshot("map-grids");
    }

    @Test
    void anOperatorSearchesAnAddressAndTheMapShowsWhereItIs() throws Exception {
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "supervisor1", "Demo@2026");
        browser.get("http://localhost:" + port + "/map");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> "true".equals(b.findElement(By.id("cg-map")).getDomAttribute("data-ready")));

        browser.findElement(By.id("map-search-q")).sendKeys("北京市东城区东华门街道多福巷社区");
        browser.findElement(By.id("map-search-button")).click();
        wait.until(b -> b.findElements(By.id("map-lookup-label")).size() == 1);

        assertThat(browser.findElement(By.id("map-lookup-label")).getText())
                .matches("东华门街道多福巷社区，网格 110101001001\\d{3}");
        assertThat(browser.findElement(By.id("map-grid-code")).getText()).startsWith("110101001001");
        assertThat(browser.findElements(By.cssSelector("#map-search-results .cg-candidate")).getFirst().getText())
                .contains("多福巷社区");
        screenshot("map-search");

        browser.findElement(By.id("map-search-q")).clear();
        browser.findElement(By.id("map-search-q")).sendKeys("火星基地");
        browser.findElement(By.id("map-search-button")).click();
        wait.until(b -> !b.findElement(By.id("map-search-status")).getText().isBlank()
                && !b.findElement(By.id("map-search-status")).getText().equals("正在查询……"));
        assertThat(browser.findElement(By.id("map-search-status")).getText()).isEqualTo("未找到匹配的地点。");
    }

    private static double zoom() {
        return Double.parseDouble(browser.findElement(By.id("cg-map")).getDomAttribute("data-zoom"));
    }

    private static void screenshot(String name) {
        Browser.screenshot(browser, name);
    }
}
