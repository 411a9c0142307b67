package org.citygrid.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.citygrid.support.Browser;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An operator takes a call in a real browser: from the workbench to the console, the address located on the map, a
 * suggested class taken, the call saved and the reply script read out; after closure, the unsatisfied call-back
 * reopens the problem, and the case page shows the call and the link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class HotlineInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

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
        // the preview is swapped again whenever the description's typing pause fires: elements may go stale
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void anOperatorTakesACallAndCallsBackAfterClosure() throws Exception {
        Browser.signIn(browser, port, "operator1", DemoCases.PASSWORD);
        browser.get("http://localhost:" + port + "/workbench/operator");
        browser.findElement(By.id("hotline-link")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("call-form")));

        browser.findElement(By.id("caller-name")).sendKeys("张三丰");
        browser.findElement(By.id("caller-phone")).sendKeys("138 1234 5678");
        browser.findElement(By.id("call-address")).sendKeys("东华门街道");
        browser.findElement(By.id("call-description")).sendKeys("路边有暴露垃圾，好几天没人清理");
        click(browser.findElement(By.id("call-check")));
        waiting().until(d -> d.findElement(By.id("preview-grid")).getText().startsWith("110101"));
        waiting().until(d -> !d.findElement(By.id("call-lon")).getDomAttribute("value").isEmpty()
                || !d.findElement(By.id("call-lon")).getDomProperty("value").isEmpty());
        assertThat(browser.findElements(By.cssSelector("#hotline-map .leaflet-marker-icon"))).hasSize(1);

        waiting().until(d -> {
            click(d.findElement(By.cssSelector("#preview-suggestions [data-class-ref]")));
            return true;
        });
        waiting().until(d -> !new Select(d.findElement(By.id("call-class"))).getFirstSelectedOption()
                .getDomProperty("value").isEmpty());
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("preview-duplicates")));
        Browser.screenshot(browser, "hotline-call");
        click(browser.findElement(By.id("call-save")));

        var script = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-script")));
        var caseNo = browser.findElement(By.id("taken-case")).getText();
        assertThat(script.getText()).contains(caseNo).contains("工单号");
        var href = browser.findElement(By.id("taken-case")).getDomAttribute("href");
        long id = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        Browser.screenshot(browser, "hotline-reply-script");

        closeThroughTheApi(id);
        browser.get("http://localhost:" + port + "/intake/hotline");
        var item = browser.findElement(By.cssSelector("#callback-queue li[data-case-id='" + id + "']"));
        assertThat(item.getText()).contains("13812345678");
        new Select(item.findElement(By.name("satisfaction"))).selectByValue("UNSATISFIED");
        item.findElement(By.name("note")).sendKeys("垃圾又堆起来了");
        click(item.findElement(By.cssSelector("button[type=submit]")));
        var done = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("callback-done")));
        assertThat(done.getText()).contains(caseNo);
        var reopenedNo = browser.findElement(By.cssSelector("#recent-callbacks li[data-case-id='" + id
                + "'] .reopened-link")).getText();
        assertThat(done.getText()).contains(reopenedNo);

        browser.get("http://localhost:" + port + "/cases/" + id);
        var onCase = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("hotline-callback")));
        assertThat(onCase.getText()).contains(reopenedNo);
        assertThat(browser.findElement(By.id("hotline-calls")).getText()).contains("13812345678");
        Browser.screenshot(browser, "hotline-case");
    }

    /**
     * Clicks an element after scrolling it to the middle of the window (the form is taller than the window), by script:
     * a preview swapped in while the page scrolls would otherwise catch the click.
     */
    private static void click(org.openqa.selenium.WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private void closeThroughTheApi(long id) throws Exception {
        var cases = new DemoCases(mvc);
        cases.act(id, "operator1", "send-verify", "\"supervisor\":\"supervisor1\"");
        cases.act(id, "supervisor1", "verify", "\"passed\":true");
        cases.act(id, "shiftlead1", "file", "\"urgent\":false");
        cases.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"sanitation\"");
        cases.act(id, "h-sanitation", "receive", "");
        cases.act(id, "h-sanitation", "feedback", "\"note\":\"已清理\",\"reason\":\"现场无法拍照\"");
        cases.act(id, "operator1", "send-check", "\"supervisor\":\"supervisor1\"");
        cases.act(id, "supervisor1", "check", "\"passed\":true");
        cases.act(id, "shiftlead1", "close", "");
    }
}
