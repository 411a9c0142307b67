package org.citygrid.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The queues of the workbenches, with the demo accounts: who sees which case, and where it goes after an action. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class WorkbenchQueueTests {

    static final String PASSWORD = DemoCases.PASSWORD;
    private static final Pattern PAGES = Pattern.compile("data-pages=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    private long report() throws Exception {
        return new DemoCases(mvc).report();
    }

    private void act(long id, String user, String action, String fields) throws Exception {
        new DemoCases(mvc).act(id, user, action, fields);
    }

    private String page(String user, String slug, int page) throws Exception {
        return mvc.perform(get("/workbench/" + slug + "?page=" + page).with(httpBasic(user, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** All pages of a workbench's queue, one after the other (other tests share the demo database). */
    private String queue(String user, String slug) throws Exception {
        var first = page(user, slug, 0);
        var m = PAGES.matcher(first);
        assertThat(m.find()).as("the workbench shows a queue").isTrue();
        int pages = Integer.parseInt(m.group(1));
        var all = new StringBuilder(first);
        for (int p = 1; p < pages; p++) {
            all.append(page(user, slug, p));
        }
        return all.toString();
    }

    private static String row(long id) {
        return "data-case-id=\"" + id + "\"";
    }

    /** Every page of a filtered queue, one after the other. */
    private String filtered(String user, String slug, String query) throws Exception {
        var all = new StringBuilder();
        int pages = 1;
        for (int p = 0; p < pages; p++) {
            var html = mvc.perform(get("/workbench/" + slug + "?" + query + "&page=" + p).with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var m = PAGES.matcher(html);
            assertThat(m.find()).as("the workbench shows a queue").isTrue();
            pages = Integer.parseInt(m.group(1));
            all.append(html);
        }
        return all.toString();
    }

    @Test
    void theQueueFiltersByOverdueClassAndRegionAndSaysWhenAFilterIsIgnored() throws Exception {
        long id = report();
        String street = JsonPath.read(mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString(), "$.streetCode");

        assertThat(filtered("operator1", "operator", "classCode=01001&regionCode=" + street))
                .contains(row(id)).contains("value=\"" + street + "\"").doesNotContain("id=\"filter-ignored\"");
        assertThat(filtered("operator1", "operator", "classCode=02")).doesNotContain(row(id));
        assertThat(filtered("operator1", "operator", "regionCode=110102")).doesNotContain(row(id));
        assertThat(filtered("operator1", "operator", "overdue=true")).doesNotContain(row(id))
                .contains("id=\"filter-overdue\" name=\"overdue\" value=\"true\" checked");
        assertThat(filtered("operator1", "operator", "regionCode=abc%25")).contains("id=\"filter-ignored\"");
    }

    @Test
    void theOperatorsQueueListsAFreshReportWithALinkToItsPage() throws Exception {
        long id = report();
        var queue = queue("operator1", "operator");
        assertThat(queue).contains(row(id)).contains("href=\"/cases/" + id + "\"");
        int start = queue.indexOf(row(id));
        var tr = queue.substring(start, queue.indexOf("</tr>", start));
        assertThat(tr).contains("01001").contains("text-bg-success").contains("待受理")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    }

    @Test
    void anAcceptedReportLeavesTheOperatorsQueueForTheShiftLeads() throws Exception {
        long id = report();
        assertThat(queue("shiftlead1", "shift-lead")).doesNotContain(row(id));
        act(id, "operator1", "accept", "");
        assertThat(queue("operator1", "operator")).doesNotContain(row(id));
        assertThat(queue("shiftlead1", "shift-lead")).contains(row(id));
    }

    @Test
    void aDepartmentHandlerSeesOnlyTheirDepartmentsCases() throws Exception {
        long id = report();
        act(id, "operator1", "accept", "");
        act(id, "shiftlead1", "file", "\"urgent\":false");
        assertThat(queue("dispatcher1", "dispatcher")).contains(row(id));
        act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        assertThat(queue("dispatcher1", "dispatcher")).doesNotContain(row(id));
        assertThat(queue("h-water", "department")).contains(row(id));
        assertThat(queue("h-drainage", "department")).doesNotContain(row(id));
    }

    @Test
    void aSupervisorsQueueHoldsTheVerifyTasksGivenToThemAndNoOneElses() throws Exception {
        var body = mvc.perform(post("/api/v1/cases").with(httpBasic("operator1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(DemoCases.REPORT.replace("SUPERVISOR", "HOTLINE")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(queue("supervisor4", "supervisor")).doesNotContain(row(id));
        act(id, "operator1", "send-verify", "\"supervisor\":\"supervisor4\"");
        assertThat(queue("supervisor4", "supervisor")).contains(row(id));
        assertThat(queue("supervisor3", "supervisor")).doesNotContain(row(id));
        assertThat(queue("operator1", "operator")).doesNotContain(row(id));
    }

    @Test
    void theLeaderSeesEveryOpenCase() throws Exception {
        long id = report();
        assertThat(queue("leader", "leader")).contains(row(id));
    }

    @Test
    void anEmptyQueueSaysSoInASentence() throws Exception {
        // nothing is dispatched to the telecom department in these tests
        var page = page("h-telecom", "department", 0);
        assertThat(page).contains("id=\"queue-empty\"").doesNotContain("id=\"queue-table\"");
    }

    @Test
    void theAdminsWorkbenchHasNoQueue() throws Exception {
        assertThat(page("admin", "admin", 0)).doesNotContain("id=\"queue\"");
    }
}
