package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Every side path of WORKFLOW.md can be taken from the case page: the page offers the button (and the fields the
 * action needs) to the role that owns the step, and the page's form takes it. Return, extension and parking asked
 * and decided either way, resume, voiding asked and decided, urge, merge and the self-handled report's acceptance.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CasePageSidePathsTests {

    @Autowired
    MockMvc mvc;

    private DemoCases demo() {
        return new DemoCases(mvc);
    }

    private String page(long id, String user) throws Exception {
        return mvc.perform(get("/cases/" + id).with(httpBasic(user, DemoCases.PASSWORD))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The page shows the button, then its form takes the action without a refusal. */
    private void fromThePage(long id, String user, String action, String... params) throws Exception {
        assertThat(page(id, user)).contains("data-action-button=\"" + action + "\"");
        var request = post("/cases/" + id + "/actions/" + action).with(httpBasic(user, DemoCases.PASSWORD))
                .with(csrf()).param("version", String.valueOf(demo().version(id)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("done"));
    }

    private long inProgress() throws Exception {
        long id = demo().report();
        demo().act(id, "operator1", "accept", "");
        demo().act(id, "shiftlead1", "file", "\"urgent\":false");
        demo().act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo().act(id, "h-water", "receive", "");
        return id;
    }

    @Test
    void returnIsAskedDeniedAskedAgainAndApprovedFromThePage() throws Exception {
        long id = inProgress();
        fromThePage(id, "h-water", "request-return", "reason", "不属于本单位");
        fromThePage(id, "dispatcher1", "deny-return", "note", "请先处置");
        fromThePage(id, "h-water", "request-return", "reason", "确不属于本单位");
        fromThePage(id, "dispatcher1", "approve-return");
        assertThat(demo().statusOf(id)).isEqualTo("PENDING_DISPATCH");
    }

    @Test
    void extensionAndParkingAreAskedAndDecidedAndAParkedCaseResumesFromThePage() throws Exception {
        long id = inProgress();
        assertThat(page(id, "h-water")).contains("id=\"action-amount\"").contains("id=\"action-unit\"");
        fromThePage(id, "h-water", "request-extension", "amount", "2", "unit", "WORK_HOURS", "reason", "需要配件");
        fromThePage(id, "dispatcher1", "deny-extension");
        fromThePage(id, "h-water", "request-extension", "amount", "1", "unit", "WORK_HOURS", "reason", "需要配件");
        fromThePage(id, "dispatcher1", "approve-extension");
        fromThePage(id, "h-water", "request-park", "reason", "等待停水许可");
        fromThePage(id, "dispatcher1", "deny-park");
        fromThePage(id, "h-water", "request-park", "reason", "等待停水许可");
        fromThePage(id, "dispatcher1", "approve-park");
        assertThat(demo().statusOf(id)).isEqualTo("PARKED");
        fromThePage(id, "dispatcher1", "resume");
        assertThat(demo().statusOf(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void urgingAndVoidingAreTakenFromThePage() throws Exception {
        long id = inProgress();
        fromThePage(id, "dispatcher1", "urge", "note", "尽快处置");
        fromThePage(id, "leader", "urge", "note", "领导督办");
        fromThePage(id, "h-water", "request-void", "reason", "重复上报");
        fromThePage(id, "shiftlead1", "deny-void");
        fromThePage(id, "operator1", "request-void", "reason", "重复上报");
        fromThePage(id, "shiftlead1", "approve-void");
        assertThat(demo().statusOf(id)).isEqualTo("VOIDED");
    }

    @Test
    void aDuplicateIsMergedIntoItsParentFromThePage() throws Exception {
        long parent = demo().report();
        long child = demo().report();
        assertThat(page(child, "operator1")).contains("id=\"action-parent\"");
        fromThePage(child, "operator1", "merge", "parentId", String.valueOf(parent));
        assertThat(demo().statusOf(child)).isEqualTo("NOT_FILED");
    }

    @Test
    void aParentThatIsNotACandidateIsNamedByItsCaseNumber() throws Exception {
        long parent = demo().report();
        long child = demo().report();
        String parentNo = JsonPath.read(mvc.perform(get("/api/v1/cases/" + parent)
                .with(httpBasic("operator1", DemoCases.PASSWORD))).andReturn().getResponse().getContentAsString(),
                "$.caseNo");
        assertThat(page(child, "operator1")).contains("id=\"action-parent-no\"");
        mvc.perform(post("/cases/" + child + "/actions/merge").with(httpBasic("operator1", DemoCases.PASSWORD))
                        .with(csrf()).param("version", String.valueOf(demo().version(child)))
                        .param("parentCaseNo", "2099010199999").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("2099010199999")));
        assertThat(demo().statusOf(child)).isEqualTo("REPORTED");

        fromThePage(child, "operator1", "merge", "parentCaseNo", parentNo);
        assertThat(demo().statusOf(child)).isEqualTo("NOT_FILED");
    }

    @Test
    void aSelfHandledReportIsAcceptedStraightToClosingFromThePage() throws Exception {
        var body = mvc.perform(post("/api/v1/cases").with(httpBasic("supervisor1", DemoCases.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channel":"SUPERVISOR","kind":"COMPONENT","classCode":"01001","lon":116.4039,
                                 "lat":39.9151,"description":"井盖松动，已现场复位","selfHandled":true}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        fromThePage(id, "operator1", "accept");
        assertThat(demo().statusOf(id)).isEqualTo("PENDING_CLOSE");
        fromThePage(id, "shiftlead1", "close");
        assertThat(demo().statusOf(id)).isEqualTo("CLOSED");
    }
}
