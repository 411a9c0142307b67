package org.citygrid.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium with the system chromedriver (no driver downloads). Browser tests are
 * skipped on a machine without Chromium, and fail in CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--lang=zh-CN");
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Signs in through the login form and waits for the answer (a workbench, or the login page with an error):
     * navigating on before the form's redirect arrives would abort the sign-in.
     */
    public static void signIn(WebDriver browser, int port, String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static void screenshot(TakesScreenshot browser, String name) {
        var file = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), screenshotDir().toPath().resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static File screenshotDir() {
        var dir = new File("target/screenshots");
        dir.mkdirs();
        return dir;
    }

    /** JUnit condition: needs Chromium and chromedriver. */
    public static class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium found");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium/chromedriver missing in CI: .ci/run must install the "
                        + "Debian packages chromium and chromium-driver");
            }
            return ConditionEvaluationResult.disabled("no /usr/bin/chromium or /usr/bin/chromedriver: "
                    + "apt-get install chromium chromium-driver");
        }
    }
}
