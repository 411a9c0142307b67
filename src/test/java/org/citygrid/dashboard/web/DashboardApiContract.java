package org.citygrid.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.citygrid.CityGridApplication;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.internal.sla.SlaMonitor;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's data endpoints over the SQL of {@code CaseStatistics}, on H2 and on PostgreSQL through the two
 * subclasses. Other tests' cases may share the database, so counts are compared before and after a change at a fixed
 * clock, and single cases are found by a place and a time no other test uses (a Tuesday in March 2026).
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
abstract class DashboardApiContract {

    static final String PASSWORD = "Demo@2026";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor SUPERVISOR = Actor.of("supervisor1", null, Role.SUPERVISOR);
    static final Actor OPERATOR = Actor.of("operator1", null, Role.OPERATOR);
    static final Actor SHIFT_LEAD = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
    /** A place inside one unit grid of the demo district that no other test reports at. */
    static final double LON = 116.41237;
    static final double LAT = 39.92611;
    static final String AROUND = "116.41236,39.92610,116.41238,39.92612";

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    MutableClock clock;
    @Autowired
    SlaMonitor monitor;

    static Instant local(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    Case report(Channel channel, Actor by) {
        return cases.report(new Cases.NewCase(channel, ClassKind.COMPONENT, "01001", LON, LAT, null, null,
                "井盖破损", false, null, null, null), by);
    }

    Case filed() {
        var c = report(Channel.SUPERVISOR, SUPERVISOR);
        c = cases.act(c.id().value(), CaseAction.ACCEPT, c.version(), ActionInput.NONE, OPERATOR);
        return cases.act(c.id().value(), CaseAction.FILE, c.version(), ActionInput.NONE, SHIFT_LEAD);
    }

    String read(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic("leader", PASSWORD)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A number at a path, or the first number a filter path finds (0 when it finds none). */
    static long count(String json, String path) {
        Object found = JsonPath.read(json, path);
        if (found instanceof List<?> list) {
            return list.isEmpty() ? 0 : ((Number) list.getFirst()).longValue();
        }
        return ((Number) found).longValue();
    }

    @Test
    void theSummaryCountsOpenCasesPerStateAndLightAndTodaysIntakePerChannel() throws Exception {
        clock.set(local(3, 17, 10, 0));
        var before = read("/api/v1/dashboard/summary");

        report(Channel.SUPERVISOR, SUPERVISOR);
        var hotline = report(Channel.HOTLINE, OPERATOR);
        cases.act(hotline.id().value(), CaseAction.ACCEPT, hotline.version(), ActionInput.NONE, OPERATOR);
        var after = read("/api/v1/dashboard/summary");

        assertThat(count(after, "$.open") - count(before, "$.open")).isEqualTo(2);
        assertThat(count(after, "$.lights.green") - count(before, "$.lights.green")).isEqualTo(2);
        assertThat(count(after, "$.lights.red")).isEqualTo(count(before, "$.lights.red"));
        assertThat(count(after, "$.stages[?(@.code=='REPORTED')].count")
                - count(before, "$.stages[?(@.code=='REPORTED')].count")).isEqualTo(1);
        assertThat(count(after, "$.stages[?(@.code=='PENDING_FILING')].count")
                - count(before, "$.stages[?(@.code=='PENDING_FILING')].count")).isEqualTo(1);
        assertThat(count(after, "$.intake.channels[?(@.code=='HOTLINE')].count")
                - count(before, "$.intake.channels[?(@.code=='HOTLINE')].count")).isEqualTo(1);
        assertThat(count(after, "$.intake.total") - count(before, "$.intake.total")).isEqualTo(2);
        assertThat((String) JsonPath.read(after, "$.stages[?(@.code=='REPORTED')].label").toString())
                .contains("待受理");
        assertThat((String) JsonPath.read(after, "$.asOf")).isEqualTo("2026-03-17T10:00:00+08:00");
    }

    @Test
    void aCaseOnTheMapTurnsYellowThenRedAndJoinsTheOverdueListWhenItsClockRunsOut() throws Exception {
        // Tuesday 2026-03-24 09:00: ACCEPT (10 working minutes) is due 09:10, yellow from 09:08
        clock.set(local(3, 24, 9, 0));
        var c = report(Channel.SUPERVISOR, SUPERVISOR);
        var point = "$.points[?(@.id==" + c.id().value() + ")]";
        var fresh = read("/api/v1/dashboard/map?zoom=17&bbox=" + AROUND);
        assertThat((String) JsonPath.read(fresh, "$.mode")).isEqualTo("points");
        assertThat((List<Object>) JsonPath.read(fresh, point + ".light")).containsExactly("GREEN");
        assertThat((List<Object>) JsonPath.read(fresh, point + ".caseNo")).containsExactly(c.caseNo());

        clock.set(local(3, 24, 9, 9));
        monitor.pass();
        assertThat((List<Object>) JsonPath.read(read("/api/v1/dashboard/map?zoom=18&bbox=" + AROUND), point + ".light"))
                .containsExactly("YELLOW");

        clock.set(local(3, 24, 9, 12));
        assertThat((List<Object>) JsonPath.read(read("/api/v1/dashboard/map?zoom=18&bbox=" + AROUND), point + ".light"))
                .containsExactly("RED");
        var overdue = read("/api/v1/dashboard/overdue?limit=100");
        var row = "$.items[?(@.id==" + c.id().value() + ")]";
        assertThat((List<Object>) JsonPath.read(overdue, row + ".stage")).containsExactly("ACCEPT");
        assertThat((List<Object>) JsonPath.read(overdue, row + ".overdueMinutes")).containsExactly(2);
        assertThat((List<Object>) JsonPath.read(overdue, row + ".deadline")).containsExactly("2026-03-24T09:10:00+08:00");
        assertThat(count(overdue, "$.total")).isPositive();
    }

    @Test
    void atCityZoomTheMapCountsOpenCasesPerCellWithTheirWorstLight() throws Exception {
        clock.set(local(3, 17, 11, 0));
        var window = "/api/v1/dashboard/map?zoom=12&bbox=116.30,39.85,116.50,39.98";
        var before = read(window);
        report(Channel.SUPERVISOR, SUPERVISOR);
        var after = read(window);

        assertThat((String) JsonPath.read(after, "$.mode")).isEqualTo("cells");
        assertThat(count(after, "$.total") - count(before, "$.total")).isEqualTo(1);
        List<Map<String, Object>> cells = JsonPath.read(after, "$.cells");
        long sum = cells.stream().mapToLong(m -> ((Number) m.get("count")).longValue()).sum();
        assertThat(sum).isEqualTo(count(after, "$.total"));
        assertThat(cells).allSatisfy(m -> assertThat(m.get("light")).isIn("RED", "YELLOW", "GREEN"));
    }

    @Test
    void hotspotsAndTopClassesCountTheCasesFiledInTheLastSevenDays() throws Exception {
        clock.set(local(3, 10, 10, 0));
        var grid = cases.get(report(Channel.SUPERVISOR, SUPERVISOR).id().value(), SHIFT_LEAD).gridCode();
        var hotspot = "$.items[?(@.gridCode=='" + grid + "')].count";
        var top = "$.items[?(@.classCode=='01001')].count";
        clock.set(local(3, 10, 11, 0));
        var hotBefore = read("/api/v1/dashboard/hotspots?limit=100");
        var classesBefore = read("/api/v1/dashboard/classes?limit=100");

        filed();
        filed();
        clock.set(local(3, 10, 12, 0));
        var hotAfter = read("/api/v1/dashboard/hotspots?limit=100");
        assertThat(count(hotAfter, hotspot) - count(hotBefore, hotspot)).isEqualTo(2);
        assertThat(count(read("/api/v1/dashboard/classes?limit=100"), top) - count(classesBefore, top)).isEqualTo(2);
        assertThat((Integer) JsonPath.read(hotAfter, "$.days")).isEqualTo(7);

        // a week later the filings are just outside the 7 days, still inside 8
        clock.set(local(3, 17, 12, 0));
        assertThat(count(read("/api/v1/dashboard/hotspots?days=8&limit=100"), hotspot)
                - count(read("/api/v1/dashboard/hotspots?days=7&limit=100"), hotspot)).isEqualTo(2);
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        for (var url : List.of("/api/v1/dashboard/map?zoom=12&bbox=1,2,3", "/api/v1/dashboard/map?zoom=12&bbox=a,b,c,d",
                "/api/v1/dashboard/map?zoom=12&bbox=5,5,4,4", "/api/v1/dashboard/map?zoom=23&bbox=1,2,3,4",
                "/api/v1/dashboard/overdue?limit=0", "/api/v1/dashboard/overdue?limit=101",
                "/api/v1/dashboard/hotspots?days=91", "/api/v1/dashboard/classes?limit=-1",
                "/api/v1/dashboard/map?zoom=x&bbox=1,2,3,4", "/api/v1/dashboard/map?zoom=12")) {
            mvc.perform(get(url).with(httpBasic("leader", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400));
        }
    }

    @Test
    void theRankingIsTheEvaluationsDepartmentTableOfTheMonthSoFar() throws Exception {
        // a month no other test touches, so the ranking is computed afresh for it
        clock.set(LocalDateTime.of(2031, 3, 10, 9, 0).atZone(ZONE).toInstant());
        var c = filed();
        cases.act(c.id().value(), CaseAction.DISPATCH, c.version(), ActionInput.NONE.withDepartment("water"),
                Actor.of("dispatcher1", null, Role.DISPATCHER));
        clock.advance(java.time.Duration.ofHours(1));

        var ranking = read("/api/v1/dashboard/ranking");
        var table = read("/api/v1/evaluation/departments?from=2031-03-01&to=2031-04-01");
        List<String> ranked = JsonPath.read(ranking, "$.entries[*].departmentCode");
        assertThat(ranked).contains("water")
                .isEqualTo(JsonPath.<List<String>>read(table, "$.rows[*].departmentCode"));
        assertThat(JsonPath.<List<Object>>read(ranking, "$.entries[*].score"))
                .isEqualTo(JsonPath.<List<Object>>read(table, "$.rows[*].score"));
        assertThat(JsonPath.<List<Integer>>read(ranking, "$.entries[*].rank").getFirst()).isEqualTo(1);
        assertThat(JsonPath.<String>read(ranking, "$.from")).isEqualTo("2031-03-01");
    }

    @Test
    void onlyTheCommandRolesReadTheDashboard() throws Exception {
        // the roles, not the demo accounts (other tests on the shared PostgreSQL may change those accounts)
        for (var role : List.of("LEADER", "DISPATCHER", "SHIFT_LEAD", "ADMIN")) {
            mvc.perform(get("/api/v1/dashboard/summary").with(user("viewer").roles(role))).andExpect(status().isOk());
        }
        for (var role : List.of("SUPERVISOR", "OPERATOR", "DEPT_HANDLER")) {
            mvc.perform(get("/api/v1/dashboard/hotspots").with(user("other").roles(role)))
                    .andExpect(status().isForbidden());
        }
        for (var user : List.of("supervisor1", "operator1")) {
            mvc.perform(get("/api/v1/dashboard/summary").with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/dashboard").with(httpBasic(user, PASSWORD))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/dashboard/overdue")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePageAndTheBigScreenCarryThePanelsInTheReadersLanguage() throws Exception {
        mvc.perform(get("/dashboard").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("城市运行指挥大屏")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"ranking-panel\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/dashboard/stream")));
        for (var url : List.of("/dashboard/big?lang=en", "/dashboard?screen=big&lang=en")) {
            mvc.perform(get(url).with(httpBasic("dispatcher1", PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("cg-big-body")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("City Operations Command Centre")));
        }
    }
}
