package org.citygrid.cases;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.citygrid.geo.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The case API with the demo accounts and geography: one case around the whole loop, and every kind of refusal. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class CasesApiTests {

    static final String PASSWORD = "Demo@2026";
    static final double LON = 116.4039;
    static final double LAT = 39.9151;

    @Autowired
    MockMvc mvc;
    @Autowired
    Locator locator;

    private String report(String user, String channel, String classCode, double lon, double lat) {
        return """
                {"channel":"%s","kind":"COMPONENT","classCode":"%s","lon":%s,"lat":%s,
                 "description":"井盖破损","address":"东长安街"}""".formatted(channel, classCode, lon, lat);
    }

    private ResultActions postReport(String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/cases").with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long reported() throws Exception {
        var body = postReport("supervisor1", report("supervisor1", "SUPERVISOR", "01001", LON, LAT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private int version(long id) throws Exception {
        var body = mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.version");
    }

    private ResultActions act(long id, String user, String action, String fields) throws Exception {
        var body = "{\"version\":" + version(id) + (fields.isEmpty() ? "" : "," + fields) + "}";
        return mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body).locale(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void verifyAndCheckTasksGoToTheGridsSupervisorUnlessOneIsNamed() throws Exception {
        var gridSupervisor = locator.locate(LON, LAT).orElseThrow().supervisor();
        assertThat(gridSupervisor).startsWith("supervisor");
        var body = postReport("operator1", report("operator1", "HOTLINE", "01001", LON, LAT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        act(id, "operator1", "send-verify", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_VERIFY"))
                .andExpect(jsonPath("$.verifier").value(gridSupervisor));

        var other = gridSupervisor.equals("supervisor1") ? "supervisor2" : "supervisor1";
        var named = postReport("operator1", report("operator1", "HOTLINE", "01001", LON, LAT))
                .andReturn().getResponse().getContentAsString();
        long namedId = ((Number) JsonPath.read(named, "$.id")).longValue();
        act(namedId, "operator1", "send-verify", "\"supervisor\":\"" + other + "\"")
                .andExpect(jsonPath("$.verifier").value(other));
    }

    @Test
    void aCitizensNameIsMaskedForEveryoneButOperatorsAndAdministrators() throws Exception {
        var body = postReport("operator1", """
                {"channel":"HOTLINE","kind":"COMPONENT","classCode":"01001","lon":%s,"lat":%s,
                 "description":"井盖破损","reporterName":"张三丰","reporterPhone":"13812345678"}"""
                .formatted(LON, LAT)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        for (var user : List.of("operator1", "admin")) {
            mvc.perform(get("/api/v1/cases/" + id).with(httpBasic(user, PASSWORD)))
                    .andExpect(jsonPath("$.reporterName").value("张三丰"));
        }
        for (var user : List.of("dispatcher1", "shiftlead1", "leader")) {
            mvc.perform(get("/api/v1/cases/" + id).with(httpBasic(user, PASSWORD)))
                    .andExpect(jsonPath("$.reporterName").value("张**"));
        }
        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.reporterPhone").doesNotExist());
    }

    @Test
    void theDemoPointLiesInDongcheng() {
        assertThat(locator.locate(LON, LAT)).hasValueSatisfying(g -> assertThat(g.districtCode()).isEqualTo("110101"));
    }

    @Test
    void aSupervisorReportWalksTheWholeLoopToClosure() throws Exception {
        var created = postReport("supervisor1", report("supervisor1", "SUPERVISOR", "01001", LON, LAT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/cases/")))
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.statusLabel").value("待受理"))
                .andExpect(jsonPath("$.caseNo").value(org.hamcrest.Matchers.matchesPattern("\\d{13}")))
                .andExpect(jsonPath("$.districtCode").value("110101"))
                .andExpect(jsonPath("$.stages[0].stage").value("ACCEPT"))
                .andExpect(jsonPath("$.allowedActions").value(org.hamcrest.Matchers.contains("request-void")))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.allowedActions", hasItem("accept")))
                .andExpect(jsonPath("$.allowedActions", not(hasItem("dispatch"))));

        act(id, "operator1", "accept", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_FILING"));
        act(id, "shiftlead1", "file", "\"urgent\":false").andExpect(jsonPath("$.status").value("PENDING_DISPATCH"));
        act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"")
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.departmentCode").value("water"))
                .andExpect(jsonPath("$.handleDeadline").isNotEmpty());
        act(id, "h-water", "receive", "").andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.allowedActions", hasItem("feedback")));
        act(id, "h-water", "feedback", "\"note\":\"已更换井盖\",\"reason\":\"照片功能尚未开放\"")
                .andExpect(jsonPath("$.status").value("PENDING_CHECK"));
        act(id, "operator1", "send-check", "\"supervisor\":\"supervisor1\"")
                .andExpect(jsonPath("$.checker").value("supervisor1"));
        act(id, "supervisor1", "check", "\"passed\":true").andExpect(jsonPath("$.status").value("PENDING_CLOSE"));
        act(id, "shiftlead1", "close", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.category").value("CLOSED"))
                .andExpect(jsonPath("$.allowedActions", hasSize(0)))
                .andExpect(jsonPath("$.timeline", hasSize(9)))
                .andExpect(jsonPath("$.timeline[3].action").value("dispatch"))
                .andExpect(jsonPath("$.timeline[3].actor").value("dispatcher1"))
                .andExpect(jsonPath("$.timeline[3].fromStatus").value("PENDING_DISPATCH"))
                .andExpect(jsonPath("$.timeline[3].toStatus").value("DISPATCHED"))
                .andExpect(jsonPath("$.timeline[5].reason").value("照片功能尚未开放"))
                .andExpect(jsonPath("$.timeline[8].at").value(containsString("+08:00")));
    }

    @Test
    void aWrongRoleIsForbidden() throws Exception {
        long id = reported();
        act(id, "operator1", "dispatch", "\"departmentCode\":\"water\"").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("派遣")));
        act(id, "h-water", "accept", "").andExpect(status().isForbidden());
    }

    @Test
    void aWrongStateIsAConflictNamingTheCurrentState() throws Exception {
        long id = reported();
        act(id, "shiftlead1", "close", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("REPORTED"))
                .andExpect(jsonPath("$.detail").value(containsString("待受理")));
    }

    @Test
    void aStaleVersionIsAConflict() throws Exception {
        long id = reported();
        int seen = version(id);
        act(id, "operator1", "accept", "").andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/actions/reject").with(httpBasic("operator1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + seen + ",\"reason\":\"重复\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("conflict")));
        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.status").value("PENDING_FILING"));
    }

    @Test
    void aMissingOrUnknownFieldIsUnprocessable() throws Exception {
        long id = reported();
        act(id, "operator1", "accept", "").andExpect(status().isOk());
        act(id, "shiftlead1", "file", "").andExpect(status().isOk());
        act(id, "dispatcher1", "dispatch", "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("departmentCode"));
        act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"no-such-dept\"")
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.status").value("PENDING_DISPATCH"))
                .andExpect(jsonPath("$.assignments", hasSize(0)));
    }

    @Test
    void feedbackNeedsANoteAndAReasonWhenItNamesNoPhoto() throws Exception {
        long id = reported();
        act(id, "operator1", "accept", "");
        act(id, "shiftlead1", "file", "");
        act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        act(id, "h-water", "receive", "");
        act(id, "h-water", "feedback", "\"note\":\"已处理\"").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aSecondReportWithTheSameExternalIdIsAConflictAndStoresNothing() throws Exception {
        var external = "EXT-" + System.nanoTime();
        var body = """
                {"channel":"HOTLINE","kind":"COMPONENT","classCode":"01001","lon":%s,"lat":%s,
                 "description":"井盖破损","externalId":"%s"}""".formatted(LON, LAT, external);
        postReport("operator1", body).andExpect(status().isCreated());
        var before = mvc.perform(get("/api/v1/cases?size=1").with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();

        postReport("operator1", body).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        var after = mvc.perform(get("/api/v1/cases?size=1").with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat((Object) JsonPath.read(after, "$.total")).isEqualTo(JsonPath.read(before, "$.total"));
    }

    @Test
    void aReportOfAnUnknownClassOrOutsideEveryGridIsUnprocessable() throws Exception {
        postReport("supervisor1", report("supervisor1", "SUPERVISOR", "99999", LON, LAT))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("classCode"));
        postReport("supervisor1", report("supervisor1", "SUPERVISOR", "01001", 0.5, 0.5))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
        postReport("h-water", report("h-water", "HOTLINE", "01001", LON, LAT)).andExpect(status().isForbidden());
        postReport("supervisor1", report("supervisor1", "HOTLINE", "01001", LON, LAT))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownActionIsNotFound() throws Exception {
        long id = reported();
        act(id, "operator1", "teleport", "").andExpect(status().isNotFound());
        act(id, "operator1", "report", "").andExpect(status().isNotFound());
    }

    @Test
    void handlersSeeOnlyTheirDepartmentsCasesAndSupervisorsTheirOwn() throws Exception {
        long id = reported();
        act(id, "operator1", "accept", "");
        act(id, "shiftlead1", "file", "");
        act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");

        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("h-water", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("h-gas", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("supervisor2", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases").param("size", "500").with(httpBasic("h-water", PASSWORD)))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.items[*].departmentCode", not(hasItem("gas"))));
        mvc.perform(get("/api/v1/cases").param("size", "500").with(httpBasic("h-gas", PASSWORD)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/cases").param("size", "500").with(httpBasic("supervisor1", PASSWORD)))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
    }

    @Test
    void theListFiltersByStatusDepartmentAndClassAndPages() throws Exception {
        long id = reported();
        act(id, "operator1", "accept", "");
        mvc.perform(get("/api/v1/cases").param("status", "PENDING_FILING").param("classCode", "01001")
                        .param("size", "500").with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.items[*].status", not(hasItem("REPORTED"))));
        mvc.perform(get("/api/v1/cases").param("departmentCode", "gas").param("size", "500")
                        .with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/cases").param("size", "1").with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.size").value(1));
        mvc.perform(get("/api/v1/cases").param("status", "NOPE").with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aReportListsOpenCasesOfTheSameClassNearbyAsDuplicateCandidatesAndMayBeMergedIntoOne() throws Exception {
        long first = reported();
        var farAway = postReport("supervisor1", report("supervisor1", "SUPERVISOR", "01001", LON + 0.002, LAT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long far = ((Number) JsonPath.read(farAway, "$.id")).longValue();
        var otherClass = postReport("supervisor1", report("supervisor1", "SUPERVISOR", "01002", LON, LAT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long other = ((Number) JsonPath.read(otherClass, "$.id")).longValue();

        var second = postReport("supervisor1", report("supervisor1", "SUPERVISOR", "01001", LON + 0.0001, LAT))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicateCandidates[*].id", hasItem((int) first)))
                .andExpect(jsonPath("$.duplicateCandidates[*].id", not(hasItem((int) far))))
                .andExpect(jsonPath("$.duplicateCandidates[*].id", not(hasItem((int) other))))
                .andExpect(jsonPath("$.duplicateCandidates[0].distanceMeters").value(
                        org.hamcrest.Matchers.lessThanOrEqualTo(50)))
                .andReturn().getResponse().getContentAsString();
        long child = ((Number) JsonPath.read(second, "$.id")).longValue();

        act(child, "operator1", "merge", "\"parentId\":" + first).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_FILED"))
                .andExpect(jsonPath("$.parentId").value((int) first))
                .andExpect(jsonPath("$.duplicateCandidates", hasSize(0)));
    }

    @Test
    void aCaseMayOnlyBeMergedIntoAnOpenCase() throws Exception {
        long parent = reported();
        act(parent, "operator1", "reject", "\"reason\":\"不属于城管职责\"").andExpect(status().isOk());
        long child = reported();
        act(child, "operator1", "merge", "\"parentId\":" + parent).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        act(child, "operator1", "merge", "\"parentId\":999999").andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/cases/" + child).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.status").value("REPORTED"));
    }
}
