package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.citygrid.assets.ComponentDirectory;
import org.citygrid.cases.internal.routing.RoutingRuleRepository;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterEach;
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
 * Routing over HTTP with the demo district: the rules API (validation, optimistic locking, roles), the suggestion
 * endpoint and who may read it, how a dispatch is recorded against the suggestion, and auto-dispatch after filing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class RoutingApiTests {

    static final String PASSWORD = DemoCases.PASSWORD;
    static final String RULES = "/api/v1/routing/rules";

    @Autowired
    MockMvc mvc;
    @Autowired
    RoutingRuleRepository rules;
    @Autowired
    ComponentDirectory components;

    /** Other tests share the demo database: no rule may outlive its test. */
    @AfterEach
    void removeRules() {
        rules.deleteAll();
    }

    private DemoCases demo() {
        return new DemoCases(mvc);
    }

    private ResultActions postRule(String user, String body) throws Exception {
        return mvc.perform(post(RULES).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(body).locale(Locale.SIMPLIFIED_CHINESE));
    }

    private long rule(String classCode, String region, String department, int priority, boolean auto)
            throws Exception {
        var body = """
                {"classCode":%s,"regionCode":%s,"departmentCode":"%s","priority":%d,"autoDispatch":%s}"""
                .formatted(quoted(classCode), quoted(region), department, priority, auto);
        var created = postRule("admin", body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private String caseJson(long id) throws Exception {
        return mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A demo report accepted and filed: it waits for dispatch (or has been dispatched automatically). */
    private long filed() throws Exception {
        long id = demo().report();
        demo().act(id, "operator1", "accept", "");
        demo().act(id, "shiftlead1", "file", "\"urgent\":false");
        return id;
    }

    private String streetOfTheDemoPoint() throws Exception {
        return JsonPath.read(caseJson(demo().report()), "$.streetCode");
    }

    private String gridOfTheDemoPoint() throws Exception {
        return JsonPath.read(caseJson(demo().report()), "$.gridCode");
    }

    private ResultActions suggestion(long id, String user) throws Exception {
        return mvc.perform(get("/api/v1/cases/" + id + "/dispatch-suggestion").with(httpBasic(user, PASSWORD))
                .locale(Locale.SIMPLIFIED_CHINESE));
    }

    // ------------------------------------------------------------------ the rules API

    @Test
    void anAdministratorCreatesReadsChangesAndDeletesARule() throws Exception {
        var created = postRule("admin", """
                {"kind":"COMPONENT","classCode":"01001","regionCode":"110101","departmentCode":"water","priority":50,
                 "autoDispatch":false}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(RULES + "/")))
                .andExpect(jsonPath("$.enabled", is(true))).andExpect(jsonPath("$.version", is(1)))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(get(RULES).with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$[0].classCode", is("01001"))).andExpect(jsonPath("$[0].regionCode", is("110101")));
        mvc.perform(put(RULES + "/" + id).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":1,"classCode":"01","departmentCode":"drainage","priority":60,
                                 "autoDispatch":true,"enabled":false}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.classCode", is("01")))
                .andExpect(jsonPath("$.regionCode").doesNotExist()).andExpect(jsonPath("$.enabled", is(false)))
                .andExpect(jsonPath("$.version", is(2)));
        mvc.perform(delete(RULES + "/" + id + "?version=2").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get(RULES + "/" + id).with(httpBasic("admin", PASSWORD))).andExpect(status().isNotFound());
    }

    @Test
    void aStaleVersionIsAConflictOnChangeAndOnDelete() throws Exception {
        long id = rule("01001", null, "water", 1, false);
        var change = """
                {"version":1,"classCode":"01001","departmentCode":"gas","priority":2,"autoDispatch":false}""";
        mvc.perform(put(RULES + "/" + id).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(change)).andExpect(status().isOk());

        mvc.perform(put(RULES + "/" + id).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(change)).andExpect(status().isConflict());
        mvc.perform(delete(RULES + "/" + id + "?version=1").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(get(RULES + "/" + id).with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.departmentCode", is("gas")));
    }

    @Test
    void anUnknownClassRegionOrDepartmentIsRefusedOnThatField() throws Exception {
        postRule("admin", """
                {"classCode":"09999","departmentCode":"water","priority":1,"autoDispatch":false}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field", is("classCode")));
        postRule("admin", """
                {"classCode":"98","departmentCode":"water","priority":1,"autoDispatch":false}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field", is("classCode")));
        postRule("admin", """
                {"regionCode":"110199","departmentCode":"water","priority":1,"autoDispatch":false}""")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field", is("regionCode")));
        postRule("admin", """
                {"classCode":"01001","departmentCode":"no-such-dept","priority":1,"autoDispatch":false}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field", is("departmentCode")))
                .andExpect(jsonPath("$.detail", containsString("no-such-dept")));
        assertThat(rules.count()).isZero();
    }

    @Test
    void aMissingOrMalformedFieldIsABadRequest() throws Exception {
        postRule("admin", """
                {"classCode":"01001","departmentCode":"water","autoDispatch":false}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("priority")));
        postRule("admin", """
                {"classCode":"1x","departmentCode":"water","priority":1,"autoDispatch":false}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("classCode")));
        postRule("admin", """
                {"departmentCode":"water","priority":1001,"autoDispatch":false}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("priority")));
        assertThat(rules.count()).isZero();
    }

    @Test
    void onlyAdministratorsManageRules() throws Exception {
        mvc.perform(get(RULES).with(httpBasic("dispatcher1", PASSWORD))).andExpect(status().isForbidden());
        postRule("dispatcher1", """
                {"departmentCode":"water","priority":1,"autoDispatch":false}""").andExpect(status().isForbidden());
        mvc.perform(get(RULES)).andExpect(status().isUnauthorized());
        assertThat(rules.count()).isZero();
    }

    // ------------------------------------------------------------------ suggestions and dispatch

    @Test
    void theSuggestionNamesTheWinningRuleAndListsTheOthers() throws Exception {
        var street = streetOfTheDemoPoint();
        rule("01", null, "roads", 900, false);
        long winning = rule("01001", street, "water", 10, false);
        long id = filed();

        suggestion(id, "dispatcher1").andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentCode", is("water")))
                .andExpect(jsonPath("$.departmentName", is("自来水集团东城供水分公司")))
                .andExpect(jsonPath("$.source", is("RULE"))).andExpect(jsonPath("$.ruleId", is((int) winning)))
                .andExpect(jsonPath("$.reason", containsString("派遣规则 #" + winning)))
                .andExpect(jsonPath("$.reason", containsString(street)))
                .andExpect(jsonPath("$.alternatives[0].departmentCode", is("roads")));
    }

    @Test
    void aReportNamingAnInventoryComponentIsSuggestedToItsMaintainerWithTheComponentAsReason() throws Exception {
        var component = components.nearest(116.4039, 39.9151, 5_000, 100).stream()
                .filter(c -> c.maintainerDepartmentCode() != null).findFirst().orElseThrow();
        var report = """
                {"channel":"SUPERVISOR","kind":"COMPONENT","classCode":"%s","lon":%s,"lat":%s,
                 "description":"部件损坏","componentId":"%s"}""".formatted(component.classCode(), component.lon(),
                component.lat(), component.id());
        var created = mvc.perform(post("/api/v1/cases").with(httpBasic("supervisor1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.componentId", is(component.id())))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        demo().act(id, "operator1", "accept", "");
        demo().act(id, "shiftlead1", "file", "\"urgent\":false");

        suggestion(id, "dispatcher1").andExpect(status().isOk())
                .andExpect(jsonPath("$.source", is("COMPONENT_MAINTAINER")))
                .andExpect(jsonPath("$.departmentCode", is(component.maintainerDepartmentCode())))
                .andExpect(jsonPath("$.reason", containsString(component.id())));
    }

    @Test
    void theCommandCentreMayReadASuggestionButDepartmentsAndSupervisorsMayNot() throws Exception {
        rule("01001", null, "water", 1, false);
        long id = filed();

        for (var user : new String[] {"dispatcher1", "shiftlead1", "operator1", "leader", "admin"}) {
            suggestion(id, user).andExpect(status().isOk()).andExpect(jsonPath("$.departmentCode", is("water")));
        }
        suggestion(id, "supervisor1").andExpect(status().isForbidden());
        suggestion(id, "h-water").andExpect(status().isForbidden());
        suggestion(999_999_999L, "dispatcher1").andExpect(status().isNotFound());
    }

    @Test
    void theTimelineSaysWhetherADispatchFollowedTheSuggestion() throws Exception {
        rule("01001", null, "water", 1, false);
        long followed = filed();
        long overridden = filed();

        demo().act(followed, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        demo().act(overridden, "dispatcher1", "dispatch", "\"departmentCode\":\"gas\"");

        assertThat((String) JsonPath.read(caseJson(followed), "$.timeline[-1].reason")).isEqualTo("ROUTING_FOLLOWED");
        assertThat((String) JsonPath.read(caseJson(overridden), "$.timeline[-1].reason"))
                .isEqualTo("ROUTING_OVERRIDDEN");
        assertThat((String) JsonPath.read(caseJson(overridden), "$.departmentCode")).isEqualTo("gas");
    }

    @Test
    void aFiledCaseIsDispatchedAtOnceWhenAnAutoDispatchRuleWins() throws Exception {
        long auto = rule("01001", gridOfTheDemoPoint(), "water", 1, true);

        long id = filed();

        var json = caseJson(id);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("DISPATCHED");
        assertThat((String) JsonPath.read(json, "$.departmentCode")).isEqualTo("water");
        assertThat((String) JsonPath.read(json, "$.timeline[-1].action")).isEqualTo("dispatch");
        assertThat((String) JsonPath.read(json, "$.timeline[-1].actor")).isEqualTo("system");
        assertThat((String) JsonPath.read(json, "$.timeline[-1].actorLabel")).isIn("系统", "System");
        assertThat((String) JsonPath.read(json, "$.timeline[-1].reason")).isEqualTo("ROUTING_AUTO_RULE_" + auto);
        assertThat((String) JsonPath.read(json, "$.timeline[-1].note")).startsWith("自动派遣（规则 #" + auto + "）");
    }

    @Test
    void anAutoDispatchRuleThatDoesNotWinLeavesTheCaseToTheDispatcher() throws Exception {
        rule("01001", null, "gas", 1, true);
        rule("01001", streetOfTheDemoPoint(), "water", 1, false);

        long id = filed();

        assertThat(demo().statusOf(id)).isEqualTo("PENDING_DISPATCH");
        suggestion(id, "dispatcher1").andExpect(jsonPath("$.autoDispatch", is(false)));
    }

    @Test
    void aDisabledAutoDispatchRuleDispatchesNothing() throws Exception {
        long id = rule("01001", null, "water", 1, true);
        mvc.perform(put(RULES + "/" + id).with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"version":1,"classCode":"01001","departmentCode":"water","priority":1,"autoDispatch":true,
                         "enabled":false}""")).andExpect(status().isOk());

        assertThat(demo().statusOf(filed())).isEqualTo("PENDING_DISPATCH");
    }

    // ------------------------------------------------------------------ the component on a case

    @Test
    void aReportNamingAComponentTheInventoryDoesNotKnowIsRefusedOnComponentId() throws Exception {
        var body = DemoCases.REPORT.replace("\"description\"", "\"componentId\":\"11010101001000123\",\"description\"");
        mvc.perform(post("/api/v1/cases").with(httpBasic("supervisor1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field", is("componentId")))
                .andExpect(jsonPath("$.detail", containsString("11010101001000123")));
        var malformed = DemoCases.REPORT.replace("\"description\"", "\"componentId\":\"1101\",\"description\"");
        mvc.perform(post("/api/v1/cases").with(httpBasic("supervisor1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(malformed))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("componentId")));
    }

    @Test
    void aCaseWithoutComponentShowsNone() throws Exception {
        assertThat((Object) JsonPath.read(caseJson(demo().report()), "$.componentId")).isNull();
    }
}
