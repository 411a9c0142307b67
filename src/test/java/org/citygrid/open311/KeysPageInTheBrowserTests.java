package org.citygrid.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.citygrid.open311.conformance.Open311Http;
import org.citygrid.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An administrator issues a key on the page, a client posts with it, and the administrator revokes it there. */
@ExtendWith(Browser.Required.class)
class KeysPageInTheBrowserTests extends Open311Http {

    private static ChromeDriver browser;

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
    void anAdministratorIssuesAKeyOnceAndRevokesIt() {
        Browser.signIn(browser, port, ADMIN, PASSWORD);
        browser.get(origin() + "/admin/open311/keys");
        browser.findElement(By.id("key-name")).sendKeys("<b>browser client</b>");
        browser.findElement(By.cssSelector("#issue-key button[type=submit]")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> !b.findElements(By.id("issued-key")).isEmpty());
        var apiKey = browser.findElement(By.id("issued-key")).getText();
        assertThat(apiKey).startsWith("o311_");
        assertThat(browser.findElement(By.id("keys")).getText()).contains("<b>browser client</b>");
        Browser.screenshot(browser, "open311-keys");

        var form = report("posted with a key from the page");
        form.put("api_key", apiKey);
        assertThat(post("/requests.json", form).status()).isEqualTo(201);

        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("issued-key"))).as("the key is shown only once").isEmpty();

        var row = browser.findElements(By.cssSelector("#keys tbody tr")).stream()
                .filter(r -> r.getText().contains("<b>browser client</b>")).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(b -> !b.findElements(By.id("key-revoked")).isEmpty());
        assertThat(post("/requests.json", form).status()).isEqualTo(403);
    }
}
