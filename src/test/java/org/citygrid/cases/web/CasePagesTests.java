package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The case page: header, clocks, timeline and the viewer's actions, and the same 404 as the API for others. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CasePagesTests {

    static final String PASSWORD = DemoCases.PASSWORD;

    @Autowired
    MockMvc mvc;

    private long report() throws Exception {
        return new DemoCases(mvc).report();
    }

    private void act(long id, String user, String action, String fields) throws Exception {
        new DemoCases(mvc).act(id, user, action, fields);
    }

    private int version(long id) throws Exception {
        return new DemoCases(mvc).version(id);
    }

    private String caseStatus(long id) throws Exception {
        return new DemoCases(mvc).statusOf(id);
    }

    private String page(long id, String user, Locale locale) throws Exception {
        return mvc.perform(get("/cases/" + id + "?lang=" + locale.toLanguageTag()).with(httpBasic(user, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCasePageShowsTheHeaderTheClocksAndTheTimeline() throws Exception {
        long id = report();
        act(id, "operator1", "accept", "");
        var html = page(id, "shiftlead1", Locale.SIMPLIFIED_CHINESE);
        assertThat(html).contains("井盖破损").contains("待立案").contains("01001")
                .contains("data-action=\"report\"").contains("data-action=\"accept\"")
                .contains("operator1").contains("待受理").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
                .contains("id=\"case-stages\"");
        // the shift lead may file it now; the actions are labels, taken via the API
        assertThat(html).contains("data-action=\"file\"").contains("立案");
    }

    @Test
    void theCasePageSpeaksEnglishWhenAskedTo() throws Exception {
        long id = report();
        var html = page(id, "operator1", Locale.ENGLISH);
        assertThat(html).contains("Timeline").contains("What you can do now").contains("data-action=\"accept\"");
    }

    @Test
    void aHandlerOfAnotherDepartmentGetsNotFound() throws Exception {
        long id = report();
        act(id, "operator1", "accept", "");
        act(id, "shiftlead1", "file", "\"urgent\":false");
        act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        assertThat(page(id, "h-water", Locale.SIMPLIFIED_CHINESE)).contains("data-action=\"receive\"");
        mvc.perform(get("/cases/" + id).with(httpBasic("h-drainage", PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownCaseIsNotFound() throws Exception {
        mvc.perform(get("/cases/999999999").with(httpBasic("operator1", PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void theOperatorAcceptsAReportFromThePageWithANote() throws Exception {
        long id = report();
        assertThat(page(id, "operator1", Locale.SIMPLIFIED_CHINESE)).contains("data-action-button=\"accept\"");
        mvc.perform(post("/cases/" + id + "/actions/accept").with(httpBasic("operator1", PASSWORD)).with(csrf())
                        .param("version", String.valueOf(version(id))).param("note", "已电话确认"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + id))
                .andExpect(flash().attributeExists("done"));
        assertThat(caseStatus(id)).isEqualTo("PENDING_FILING");
        assertThat(page(id, "operator1", Locale.SIMPLIFIED_CHINESE)).contains("已电话确认");
    }

    @Test
    void aStaleVersionFromThePageIsRefusedWithAMessageAndChangesNothing() throws Exception {
        long id = report();
        int seen = version(id);
        act(id, "operator1", "accept", "");
        mvc.perform(post("/cases/" + id + "/actions/close").with(httpBasic("shiftlead1", PASSWORD)).with(csrf())
                        .param("version", String.valueOf(seen)))
                .andExpect(redirectedUrl("/cases/" + id)).andExpect(flash().attributeExists("refused"));
        assertThat(caseStatus(id)).isEqualTo("PENDING_FILING");
    }

    private org.springframework.test.web.servlet.ResultActions pageAct(long id, String user, String action,
                                                                         String... params) throws Exception {
        var request = post("/cases/" + id + "/actions/" + action).with(httpBasic(user, PASSWORD)).with(csrf())
                .param("version", String.valueOf(version(id)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    @Test
    void theWholeLoopCanBeWorkedFromTheCasePage() throws Exception {
        long id = report();
        pageAct(id, "operator1", "accept");
        assertThat(page(id, "shiftlead1", Locale.SIMPLIFIED_CHINESE)).contains("data-action-button=\"file\"")
                .contains("id=\"action-urgent\"");
        pageAct(id, "shiftlead1", "file", "urgent", "false");
        assertThat(page(id, "dispatcher1", Locale.SIMPLIFIED_CHINESE)).contains("id=\"action-department\"");
        pageAct(id, "dispatcher1", "dispatch").andExpect(flash().attributeExists("refused"));
        assertThat(caseStatus(id)).isEqualTo("PENDING_DISPATCH");
        pageAct(id, "dispatcher1", "dispatch", "departmentCode", "water");
        assertThat(caseStatus(id)).isEqualTo("DISPATCHED");
        pageAct(id, "h-water", "receive");
        pageAct(id, "h-water", "feedback", "note", "已更换").andExpect(flash().attributeExists("refused"));
        pageAct(id, "h-water", "feedback", "note", "已更换", "reason", "相机故障");
        assertThat(caseStatus(id)).isEqualTo("PENDING_CHECK");
        pageAct(id, "operator1", "send-check", "supervisor", "");
        var checker = JsonPath.<String>read(mvc.perform(get("/api/v1/cases/" + id)
                .with(httpBasic("operator1", PASSWORD))).andReturn().getResponse().getContentAsString(), "$.checker");
        assertThat(page(id, checker, Locale.SIMPLIFIED_CHINESE)).contains("data-action-button=\"check-passed\"")
                .contains("data-action-button=\"check-failed\"");
        pageAct(id, checker, "check", "passed", "true");
        assertThat(caseStatus(id)).isEqualTo("PENDING_CLOSE");
        pageAct(id, "shiftlead1", "close");
        assertThat(caseStatus(id)).isEqualTo("CLOSED");
    }
}
