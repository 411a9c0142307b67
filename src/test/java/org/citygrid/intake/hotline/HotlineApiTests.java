package org.citygrid.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The hotline API with the demo accounts and geography: calls, masking, call-backs and their refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class HotlineApiTests {

    static final String PASSWORD = DemoCases.PASSWORD;
    static final double LON = 116.4039;
    static final double LAT = 39.9151;

    @Autowired
    MockMvc mvc;

    static String call(String phone, String classCode, String description) {
        return """
                {"callerName":"张三丰","callerPhone":"%s","address":"东长安街","lon":%s,"lat":%s,
                 "kind":"COMPONENT","classCode":"%s","description":"%s"}""".formatted(phone, LON, LAT, classCode,
                description);
    }

    ResultActions post(String user, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body)
                .locale(Locale.SIMPLIFIED_CHINESE));
    }

    long takeCall(String body) throws Exception {
        var answer = post("operator1", "/api/v1/hotline/calls", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.caseId")).longValue();
    }

    /** Drives a hotline case through verification, handling and checking to closure. */
    void close(long id) throws Exception {
        var cases = new DemoCases(mvc);
        cases.act(id, "operator1", "send-verify", "\"supervisor\":\"supervisor1\"");
        cases.act(id, "supervisor1", "verify", "\"passed\":true");
        cases.act(id, "shiftlead1", "file", "\"urgent\":false");
        cases.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        cases.act(id, "h-water", "receive", "");
        cases.act(id, "h-water", "feedback", "\"note\":\"已更换井盖\",\"reason\":\"现场无法拍照\"");
        cases.act(id, "operator1", "send-check", "\"supervisor\":\"supervisor1\"");
        cases.act(id, "supervisor1", "check", "\"passed\":true");
        cases.act(id, "shiftlead1", "close", "");
        assertThat(cases.statusOf(id)).isEqualTo("CLOSED");
    }

    @Test
    void aCallBecomesAHotlineCaseWithTheCallerAsReporterAndAReplyScript() throws Exception {
        var answer = post("operator1", "/api/v1/hotline/calls", call("138 1234 1234", "01001", "井盖破损，有人差点掉下去"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("NEW_CASE"))
                .andExpect(jsonPath("$.caseNo").value(org.hamcrest.Matchers.matchesPattern("\\d{13}")))
                .andExpect(jsonPath("$.gridCode").isNotEmpty())
                .andExpect(jsonPath("$.callerPhone").value("13812341234"))
                .andExpect(jsonPath("$.replyBy").value(containsString("+08:00")))
                .andExpect(jsonPath("$.replyScript").value(containsString("工单号")))
                .andReturn().getResponse().getContentAsString();
        String caseNo = JsonPath.read(answer, "$.caseNo");
        assertThat((String) JsonPath.read(answer, "$.replyScript")).contains(caseNo).contains("供水井盖");
        long id = ((Number) JsonPath.read(answer, "$.caseId")).longValue();

        mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.channel").value("HOTLINE"))
                .andExpect(jsonPath("$.status").value("REPORTED"));
    }

    @Test
    void anAddressAloneIsGeocodedToItsGrid() throws Exception {
        post("operator1", "/api/v1/hotline/calls", """
                {"callerName":"李四","callerPhone":"13900001111","address":"东华门街道","kind":"MATTER",
                 "classCode":"06010","description":"路边有暴露垃圾"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gridCode").value(org.hamcrest.Matchers.startsWith("110101")));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndSavesNothing() throws Exception {
        var before = total("/api/v1/hotline/calls");
        post("operator1", "/api/v1/hotline/calls", call("12345", "01001", "井盖破损"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("callerPhone"));
        post("operator1", "/api/v1/hotline/calls", """
                {"callerName":"","callerPhone":"13812341234","description":""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("callerName")));
        post("operator1", "/api/v1/hotline/calls", call("13812341234", "99999", "井盖破损"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("classCode"));
        post("operator1", "/api/v1/hotline/calls", """
                {"callerName":"王五","callerPhone":"13812341234","kind":"COMPONENT","classCode":"01001",
                 "description":"井盖破损","lon":0.5,"lat":0.5}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lon"));
        post("operator1", "/api/v1/hotline/calls", """
                {"callerName":"王五","callerPhone":"13812341234","kind":"COMPONENT","classCode":"01001",
                 "description":"井盖破损","address":"火星基地一号"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        post("operator1", "/api/v1/hotline/calls", "{not json")
                .andExpect(status().isBadRequest());
        assertThat(total("/api/v1/hotline/calls")).isEqualTo(before);
    }

    @Test
    void onlyOperatorsTakeCalls() throws Exception {
        post("supervisor1", "/api/v1/hotline/calls", call("13812341234", "01001", "井盖破损"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/hotline/callbacks")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCallCanBeAddedToAnOpenCaseInsteadOfANewOne() throws Exception {
        long first = takeCall(call("13811112222", "01002", "污水井盖松动"));
        var duplicateSeen = post("operator1", "/api/v1/hotline/calls", call("13833334444", "01002", "污水井盖响"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Integer> candidates = JsonPath.read(duplicateSeen, "$.duplicateCandidates[*].caseId");
        assertThat(candidates).contains((int) first);

        var before = total("/api/v1/cases");
        post("operator1", "/api/v1/hotline/calls", """
                {"callerName":"赵六","callerPhone":"13855556666","description":"又有人反映污水井盖","existingCaseId":%d}"""
                .formatted(first))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("ADDED_TO_CASE"))
                .andExpect(jsonPath("$.caseId").value(first))
                .andExpect(jsonPath("$.replyScript").value(containsString("记入")));
        assertThat(total("/api/v1/cases")).isEqualTo(before);
    }

    @Test
    void callersAreMaskedInListsForEveryoneButOperatorsAndAdmins() throws Exception {
        long id = takeCall(call("13912345678", "01001", "井盖缺失"));
        close(id);

        mvc.perform(get("/api/v1/hotline/callbacks?size=500").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.caseId==" + id + ")].callerPhone").value(hasItem("139****5678")))
                .andExpect(jsonPath("$.items[?(@.caseId==" + id + ")].callerName").value(hasItem("张**")));
        mvc.perform(get("/api/v1/hotline/calls?size=500").with(httpBasic("leader", PASSWORD)))
                .andExpect(jsonPath("$.items[*].callerPhone", not(hasItem("13912345678"))))
                .andExpect(jsonPath("$.items[*].callerPhone", hasItem("139****5678")));
        mvc.perform(get("/api/v1/hotline/callbacks?size=500").with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.items[?(@.caseId==" + id + ")].callerPhone").value(hasItem("13912345678")));
    }

    @Test
    void anUnsatisfiedCallBackReopensTheProblemAsALinkedCase() throws Exception {
        long id = takeCall(call("13700001111", "01003", "雨水井盖破损"));
        close(id);
        var original = mvc.perform(get("/api/v1/cases/" + id).with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        String caseNo = JsonPath.read(original, "$.caseNo");
        mvc.perform(get("/api/v1/hotline/callbacks?size=500").with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.items[*].caseId", hasItem((int) id)));

        post("operator1", "/api/v1/hotline/callbacks/" + id, "{\"satisfaction\":\"UNSATISFIED\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        var answer = post("operator1", "/api/v1/hotline/callbacks/" + id,
                "{\"satisfaction\":\"UNSATISFIED\",\"note\":\"井盖还是坏的\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.satisfactionLabel").value("不满意"))
                .andExpect(jsonPath("$.reopenedCaseNo").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        long reopened = ((Number) JsonPath.read(answer, "$.reopenedCaseId")).longValue();

        mvc.perform(get("/api/v1/cases/" + reopened).with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.channel").value("HOTLINE"))
                .andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.classCode").value("01003"))
                .andExpect(jsonPath("$.lon").value(LON))
                .andExpect(jsonPath("$.description").value(containsString(caseNo)));
        mvc.perform(get("/api/v1/hotline/callbacks?size=500").with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.items[*].caseId", not(hasItem((int) id))));
        mvc.perform(get("/intake/hotline/case/" + reopened + "/callbacks").with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(caseNo)));
    }

    @Test
    void theCallBackQueueIsPagedAndCountedExactly() throws Exception {
        close(takeCall(call("13700004444", "01006", "路灯井盖缺失")));
        close(takeCall(call("13700005555", "01007", "通信井盖破损")));
        var all = mvc.perform(get("/api/v1/hotline/callbacks?size=500").with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(all, "$.items[*].caseId");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        assertThat(((Number) JsonPath.read(all, "$.total")).intValue()).isEqualTo(ids.size());
        mvc.perform(get("/api/v1/hotline/callbacks?size=1&page=1").with(httpBasic("operator1", PASSWORD)))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(ids.get(1)))
                .andExpect(jsonPath("$.total").value(ids.size()));
        mvc.perform(get("/api/v1/hotline/callbacks?size=0").with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aSecondCallBackOfTheSameCaseIsAConflict() throws Exception {
        long id = takeCall(call("13700002222", "01004", "雨水箅子堵了"));
        close(id);
        post("operator1", "/api/v1/hotline/callbacks/" + id, "{\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reopenedCaseId").doesNotExist());
        post("operator1", "/api/v1/hotline/callbacks/" + id, "{\"satisfaction\":\"UNSATISFIED\",\"note\":\"x\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCallBackNeedsAClosedHotlineCase() throws Exception {
        long open = takeCall(call("13700003333", "01005", "电力井盖破损"));
        post("operator1", "/api/v1/hotline/callbacks/" + open, "{\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("REPORTED"));
        long supervisors = new DemoCases(mvc).report();
        post("operator1", "/api/v1/hotline/callbacks/" + supervisors, "{\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isUnprocessableContent());
        post("operator1", "/api/v1/hotline/callbacks/99999999", "{\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isNotFound());
        post("operator1", "/api/v1/hotline/callbacks/" + open, "{\"satisfaction\":\"HAPPY\"}")
                .andExpect(status().isBadRequest());
        post("shiftlead1", "/api/v1/hotline/callbacks/" + open, "{\"satisfaction\":\"SATISFIED\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void classifySuggestsClassesWithTheMatchedWords() throws Exception {
        mvc.perform(get("/api/v1/hotline/classify").param("text", "小区门口天天有人占道经营卖水果")
                        .with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("09006"))
                .andExpect(jsonPath("$[0].matched", hasItem("占道经营")));
        mvc.perform(get("/api/v1/hotline/classify").param("text", " ").with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(get("/api/v1/hotline/classify").param("text", "x".repeat(4001))
                        .with(httpBasic("operator1", PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    private long total(String path) throws Exception {
        var body = mvc.perform(get(path).with(httpBasic("operator1", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.total")).longValue();
    }
}
