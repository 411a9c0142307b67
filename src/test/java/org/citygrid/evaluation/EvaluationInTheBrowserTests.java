package org.citygrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.support.Browser;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The evaluation pages in a browser: a leader opens this month's department report, finds the department a case was
 * just dispatched to, follows its 派遣数 to the drill-down and finds the case there, and opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(Browser.Required.class)
class EvaluationInTheBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    Cases cases;

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
    void aLeaderDrillsFromTheMonthlyReportToTheCaseBehindACount() {
        var c = cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039, 39.9151,
                null, null, "井盖破损", false, null, null, null), Actor.of("supervisor1", null, Role.SUPERVISOR));
        long id = c.id().value();
        c = cases.act(id, CaseAction.ACCEPT, c.version(), ActionInput.NONE, Actor.of("operator1", null, Role.OPERATOR));
        c = cases.act(id, CaseAction.FILE, c.version(), ActionInput.NONE,
                Actor.of("shiftlead1", null, Role.SHIFT_LEAD));
        c = cases.act(id, CaseAction.DISPATCH, c.version(), ActionInput.NONE.withDepartment("water"),
                Actor.of("dispatcher1", null, Role.DISPATCHER));

        Browser.signIn(browser, port, "leader", DemoCases.PASSWORD);
        browser.get("http://localhost:" + port + "/evaluation");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evaluation-table")));
        var row = browser.findElements(By.cssSelector("#evaluation-table tbody tr")).stream()
                .filter(r -> r.getText().contains("water")).findFirst().orElseThrow();
        assertThat(browser.findElement(By.id("print-report")).getAttribute("data-print")).isNotNull();
        Browser.screenshot(browser, "evaluation-report");

        // the first count of a department row is 派遣数 (assigned)
        var assigned = row.findElement(By.cssSelector("a[href*='figure=assigned']"));
        assertThat(Integer.parseInt(assigned.getText())).isGreaterThanOrEqualTo(1);
        assigned.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drill-items")));
        var link = browser.findElement(By.cssSelector("#drill-items tr[data-case-id='" + id + "'] a"));
        assertThat(link.getText()).isEqualTo(c.caseNo());
        link.click();
        wait.until(d -> d.getCurrentUrl().endsWith("/cases/" + id));
        assertThat(browser.getPageSource()).contains(c.caseNo());
    }
}
