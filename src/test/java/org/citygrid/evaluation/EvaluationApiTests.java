package org.citygrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.support.DemoCases;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The evaluation API over HTTP with the demo accounts: the tables as JSON, CSV and XLSX, the drill-down agreeing with
 * the table, who may read and change what, and a 4xx problem for every kind of bad parameter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class EvaluationApiTests {

    static final String PASSWORD = DemoCases.PASSWORD;

    @Autowired
    MockMvc mvc;

    String from;
    String to;
    long caseId;

    /** A case dispatched to water this month: the current month's table has a water row. */
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

    private ResultActions get(String path, String user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(user, PASSWORD)));
    }

    private String period() {
        return "from=" + from + "&to=" + to;
    }

    @Test
    void theDepartmentTableListsEveryFigureAndTheDrillDownAgrees() throws Exception {
        var body = get("/api/v1/evaluation/departments?" + period(), "leader").andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(from))
                .andExpect(jsonPath("$.rows[?(@.departmentCode=='water')].name").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        List<Integer> assigned = JsonPath.read(body, "$.rows[?(@.departmentCode=='water')].assigned");
        assertThat(assigned.getFirst()).isPositive();
        for (var figure : List.of("returned", "due", "disposed", "disposedOnTime", "disposedLate", "overdueOpen",
                "toClose", "closed", "reworked", "extended", "parked", "closingRate", "onTimeRate", "reworkRate",
                "extensionRate", "volumeScore", "score", "grade", "insufficientSample")) {
            List<java.util.Map<String, Object>> values = JsonPath.read(body, "$.rows[?(@.departmentCode=='water')]");
            assertThat(values.getFirst()).as(figure).containsKey(figure);
        }
        var drill = get("/api/v1/evaluation/drill?subject=department:water&figure=assigned&" + period(), "leader")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(drill, "$.count")).intValue()).isEqualTo(assigned.getFirst());
        List<Integer> ids = JsonPath.read(drill, "$.items[*].caseId");
        assertThat(ids).contains((int) caseId);
    }

    @Test
    void aCsvHasABomChineseHeadersAndTheRows() throws Exception {
        var response = get("/api/v1/evaluation/departments?format=csv&" + period(), "dispatcher1")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".csv")))
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        var bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("排名,部门编码,名称,派遣数,回退数,应处置数").contains("综合得分", "等级");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",water,"));
    }

    @Test
    void anXlsxHasTheSameHeadersAndRows() throws Exception {
        var bytes = get("/api/v1/evaluation/positions?role=DISPATCHER&format=xlsx&" + period(), "leader")
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        var rows = new ArrayList<List<String>>();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            wb.getFirstSheet().openStream().forEach((Row r) -> rows.add(r.stream()
                    .map(c -> c == null ? "" : c.getRawValue()).toList()));
        }
        assertThat(rows.getFirst()).startsWith("排名", "用户名", "名称", "派遣数", "按时派遣数", "准确数");
        assertThat(rows).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("dispatcher1"));
    }

    @Test
    void regionsAndSupervisorsAnswerToo() throws Exception {
        get("/api/v1/evaluation/regions?level=COMMUNITY&" + period(), "shiftlead1").andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("COMMUNITY"))
                .andExpect(jsonPath("$.rows[0].code").isNotEmpty());
        get("/api/v1/evaluation/supervisors?" + period(), "admin").andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.username=='supervisor1')].reported").isNotEmpty());
    }

    @Test
    void badParametersAreProblemsNotErrors() throws Exception {
        var base = "/api/v1/evaluation/departments?";
        for (var query : List.of("to=" + to, "from=2026-13-01&to=" + to, "from=" + to + "&to=" + from,
                "from=2020-01-01&to=2026-01-01", "from=2024-03-01&to=2024-04-01&asOf=2024-03-31T00:00:00Z",
                "from=2024-03-01&to=2024-04-01&asOf=yesterday", period() + "&format=pdf")) {
            get(base + query, "leader").andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        get("/api/v1/evaluation/positions?role=LEADER&" + period(), "leader").andExpect(status().isBadRequest());
        get("/api/v1/evaluation/regions?level=CITY&" + period(), "leader").andExpect(status().isBadRequest());
        get("/api/v1/evaluation/drill?subject=water&figure=assigned&" + period(), "leader")
                .andExpect(status().isBadRequest());
        get("/api/v1/evaluation/drill?subject=department:water&figure=closingRate&" + period(), "leader")
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheCommandCentreAndLeadersReadTheTables() throws Exception {
        get("/api/v1/evaluation/departments?" + period(), "supervisor1").andExpect(status().isForbidden());
        get("/api/v1/evaluation/departments?" + period(), "h-water").andExpect(status().isForbidden());
        get("/api/v1/evaluation/departments?" + period(), "operator1").andExpect(status().isForbidden());
    }

    @Test
    void adminsChangeSettingsAndBadValuesAreRefused() throws Exception {
        mvc.perform(put("/api/v1/evaluation/settings").with(httpBasic("leader", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minimumSample\":\"3\"}"))
                .andExpect(status().isForbidden());
        for (var bad : List.of("{\"department.weights\":\"10,30,30\"}", "{\"department.weights\":\"10,30,30,31\"}",
                "{\"grades\":\"90,95,60,40\"}", "{\"region.density\":\"2:90,1:80,*:0\"}", "{\"nope\":\"1\"}",
                "{\"position.volume\":\"100:0,300:40\"}")) {
            mvc.perform(put("/api/v1/evaluation/settings").with(httpBasic("admin", PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isUnprocessableEntity());
        }
        mvc.perform(put("/api/v1/evaluation/settings").with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minimumSample\":\"3\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.minimumSample").value("3"));
        mvc.perform(delete("/api/v1/evaluation/settings").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.minimumSample").value("5"));
    }

    @Test
    void anAppealNeedsAnOverdueAssignmentOfOnesOwnDepartment() throws Exception {
        var appeal = "{\"caseId\":" + caseId + ",\"assignmentNo\":1,\"reason\":\"暴雨\"}";
        mvc.perform(post("/api/v1/evaluation/appeals").with(httpBasic("h-drainage", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(appeal)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/evaluation/appeals").with(httpBasic("h-water", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(appeal)).andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/evaluation/appeals").with(httpBasic("h-water", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caseId\":" + caseId + "}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/evaluation/appeals").with(httpBasic("leader", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(appeal)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/evaluation/appeals/999999/approve").with(httpBasic("leader", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/evaluation/appeals/999999/approve").with(httpBasic("h-water", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isForbidden());
        get("/api/v1/evaluation/appeals", "h-water").andExpect(status().isOk());
    }
}
