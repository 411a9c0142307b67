package org.citygrid.assets.web;

import java.time.Duration;

import org.citygrid.assets.internal.ComponentFilter;
import org.citygrid.assets.internal.Inventory;
import org.citygrid.platform.web.Paging;
import org.citygrid.support.Browser;
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
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A dispatcher sees the (synthetic) components on the map: clusters first, then one component's popup up close. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class AssetsMapInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    Inventory inventory;

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
    void clustersAtDistrictZoomAndAPopupWithOwnerAndMaintainerUpClose() throws Exception {
        var component = inventory.list(ComponentFilter.none(), Paging.of(0, 1)).items().getFirst();
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, port, "dispatcher1", "Demo@2026");
        browser.get("http://localhost:" + port + "/map");

        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> "true".equals(b.findElement(By.id("cg-map")).getDomAttribute("data-ready")));
        wait.until(b -> "clusters".equals(b.findElement(By.id("cg-map")).getDomAttribute("data-assets")));
        assertThat(browser.findElements(By.cssSelector(".cg-asset-cluster"))).isNotEmpty();
        assertThat(browser.findElement(By.id("map-assets-status")).getText()).startsWith("部件：");
        assertThat(browser.findElement(By.id("map-assets-synthetic")).getText()).contains("合成");
        screenshot("map-assets-clusters");

        browser.executeScript("document.getElementById('cg-map').cgMap.setView([arguments[0], arguments[1]], 18, "
                + "{animate: false})", component.lat(), component.lon());
        wait.until(b -> "items".equals(b.findElement(By.id("cg-map")).getDomAttribute("data-assets")));
        screenshot("map-assets-items");
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("path.cg-asset"))).click().perform();
        wait.until(b -> b.findElements(By.cssSelector(".cg-asset-popup")).size() == 1);

        var popup = browser.findElement(By.cssSelector(".cg-asset-popup")).getText();
        assertThat(popup).contains(component.id()).contains("权属单位").contains("养护单位").contains("合成")
                .contains(component.state().label());
        screenshot("map-assets-popup");
    }

    private static void screenshot(String name) {
        Browser.screenshot(browser, name);
    }
}
