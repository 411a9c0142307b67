package org.citygrid.e2e;


import org.citygrid.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A real browser signs in with demo accounts and lands on the right workbench. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class LoginInTheBrowserTests {

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

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        Browser.signIn(browser, port, username, password);
    }

    private void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    @Test
    void aDispatcherSignsInAndSeesTheDispatcherWorkbench() throws Exception {
        signIn("dispatcher1", "Demo@2026");

        assertThat(browser.getCurrentUrl()).endsWith("/workbench/dispatcher");
        assertThat(browser.findElement(By.id("workbench-title")).getText()).isEqualTo("派遣员工作台");
        assertThat(browser.findElement(By.id("cg-user")).getText()).isEqualTo("派遣员 赵敏");
        screenshot("dispatcher-workbench");
    }

    @Test
    void aSupervisorLandsOnTheFieldWorkbench() throws Exception {
        signIn("supervisor2", "Demo@2026");

        assertThat(browser.getCurrentUrl()).endsWith("/workbench/supervisor");
        assertThat(browser.findElement(By.id("workbench-title")).getText()).isEqualTo("监督员工作台");
        screenshot("supervisor-workbench");
    }

    @Test
    void aWrongPasswordShowsAnErrorOnTheLoginPage() throws Exception {
        signIn("operator1", "not-the-password");

        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码不正确");
        screenshot("login-error");
    }

    @Test
    void theLanguageSwitchTurnsTheInterfaceIntoEnglish() throws Exception {
        signIn("admin", "Demo@2026");
        browser.findElement(By.linkText("English")).click();

        assertThat(browser.findElement(By.id("workbench-title")).getText()).isEqualTo("Administration");
        browser.findElement(By.linkText("中文")).click();
        assertThat(browser.findElement(By.id("workbench-title")).getText()).isEqualTo("系统管理");
        screenshot("admin-workbench");
    }
}
