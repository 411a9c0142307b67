package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.citygrid.support.Browser;
import org.citygrid.support.DemoCases;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A handler in a real browser uploads a photo on the case page (no script involved) and sees its thumbnail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class CasePhotosInTheBrowserTests {

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

    private void signIn(String username) {
        Browser.signIn(browser, port, username, DemoCases.PASSWORD);
    }

    @Test
    void aHandlerUploadsAPhotoOnTheCasePageAndSeesItsThumbnail() throws Exception {
        var demo = new DemoCases(mvc);
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");
        demo.act(id, "shiftlead1", "file", "\"urgent\":false");
        demo.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        var photo = dir.resolve("井盖.png");
        Files.write(photo, TestPhotos.png(800, 600));

        signIn("h-water");
        browser.get("http://localhost:" + port + "/cases/" + id);
        browser.findElement(By.id("photo-file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("photo-submit")).click();

        assertThat(browser.findElement(By.id("photo-done")).getText()).isEqualTo("照片已上传。");
        var thumbnail = browser.findElement(By.cssSelector("#photo-gallery img"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail)));
        assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", thumbnail)).intValue())
                .isEqualTo(320);
        assertThat(browser.findElement(By.cssSelector("#photo-gallery figcaption")).getText()).contains("h-water");
        var file = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), Browser.screenshotDir().toPath().resolve("case-photos.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
