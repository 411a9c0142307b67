package org.citygrid.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The evaluation pages render for the roles that own them, link counts to the drill-down, and refuse politely. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class EvaluationPagesTests {

    static final String PASSWORD = DemoCases.PASSWORD;

    @Autowired
    MockMvc mvc;

    long caseId;
    String from;
    String to;

    @BeforeEach
    void aDispatchedCase() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        from = today.withDayOfMonth(1).toString();
        to = today.withDayOfMonth(1).plusMonths(1).toString();
        var demo = new DemoCases(mvc);
        caseId = demo.report();
        demo.act(caseId, "operator1", "accept", "");
        demo.act(caseId, "shiftlead1", "file", "");
        demo.act(caseId, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
    }

    @Test
    void theMonthlyTableLinksEachCountToItsDrillDown() throws Exception {
        mvc.perform(get("/evaluation").with(httpBasic("leader", PASSWORD)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("专业部门 综合评价报告")))
                .andExpect(content().string(containsString("data-key=\"water\"")))
                .andExpect(content().string(containsString("/evaluation/drill?subject=department:water&amp;figure=assigned")))
                .andExpect(content().string(containsString("cg-grade-")))
                .andExpect(content().string(containsString("evaluation.css")));
        for (var query : new String[] {"subject=POSITIONS&variant=DISPATCHER&period=week",
                "subject=REGIONS&variant=GRID&period=quarter", "subject=SUPERVISORS&period=year",
                "subject=POSITIONS&variant=SHIFT_LEAD&period=custom&from=" + from + "&to=" + to}) {
            mvc.perform(get("/evaluation?" + query).with(httpBasic("dispatcher1", PASSWORD)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theDrillDownListsTheCasesWithLinks() throws Exception {
        mvc.perform(get("/evaluation/drill?subject=department:water&figure=assigned&from=" + from + "&to=" + to)
                        .with(httpBasic("leader", PASSWORD)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cases/" + caseId + "\"")));
    }

    @Test
    void aDrillDownAsOfAnInstantShowsItAndRefusesABadOne() throws Exception {
        // a finished period's table links with its as-of instant (the current month's does not: it is still moving)
        mvc.perform(get("/evaluation").with(httpBasic("leader", PASSWORD)))
                .andExpect(content().string(not(containsString("figure=assigned&amp;from=" + from + "&amp;to=" + to
                        + "&amp;asOf="))));
        var asOf = LocalDate.parse(to).atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(1).toInstant();
        var drill = "/evaluation/drill?subject=department:water&figure=assigned&from=" + from + "&to=" + to;
        mvc.perform(get(drill + "&asOf=" + asOf).with(httpBasic("leader", PASSWORD)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cases/" + caseId + "\"")))
                .andExpect(content().string(containsString("数字截至 " + LocalDate.parse(to) + " 01:00")));
        mvc.perform(get(drill + "&asOf=" + LocalDate.parse(from).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant()).with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get(drill + "&asOf=yesterday").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void refusalsAreReadablePages() throws Exception {
        mvc.perform(get("/evaluation?period=custom").with(httpBasic("leader", PASSWORD))
                .locale(Locale.ENGLISH)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请给出评价周期的起止日期")));
        mvc.perform(get("/evaluation").with(httpBasic("supervisor1", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/evaluation/appeals").with(httpBasic("h-water", PASSWORD)).with(csrf())
                        .param("caseId", String.valueOf(caseId)).param("assignmentNo", "1").param("reason", "暴雨")
                        .locale(Locale.ENGLISH))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("没有超时")));
    }

    @Test
    void appealsAndSettingsPagesRenderForTheirRoles() throws Exception {
        mvc.perform(get("/evaluation/appeals").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"appeal-form\"")));
        mvc.perform(get("/evaluation/appeals").with(httpBasic("leader", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/evaluation/settings").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("department.weights")));
        mvc.perform(post("/evaluation/settings").with(httpBasic("admin", PASSWORD)).with(csrf())
                .param("grades", "1,2,3,4")).andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/evaluation/settings").with(httpBasic("leader", PASSWORD))).andExpect(status().isForbidden());
    }
}
