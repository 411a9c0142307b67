package org.citygrid.intake.hotline;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The console's pages: who may open them, what a refused form keeps, and what the case page's include shows whom. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class HotlinePagesTests {

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder form(String path) {
        return post(path).with(httpBasic("operator1", DemoCases.PASSWORD)).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)
                .param("callerName", "张三丰").param("address", "").param("lon", "116.4039").param("lat", "39.9151")
                .param("classRef", "COMPONENT:01001").param("description", "井盖破损").param("existingCaseId", "");
    }

    @Test
    void theConsoleIsTheOperatorsAndLinkedFromTheirWorkbench() throws Exception {
        mvc.perform(get("/intake/hotline").with(httpBasic("operator1", DemoCases.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"call-form\"")));
        mvc.perform(get("/intake/hotline").with(httpBasic("leader", DemoCases.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/workbench/operator").with(httpBasic("operator1", DemoCases.PASSWORD)))
                .andExpect(content().string(containsString("href=\"/intake/hotline\"")));
    }

    @Test
    void aRefusedCallKeepsWhatWasTypedAndSaysWhy() throws Exception {
        mvc.perform(form("/intake/hotline/calls").param("callerPhone", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不是有效的电话号码")))
                .andExpect(content().string(containsString("value=\"张三丰\"")));
    }

    @Test
    void aSavedCallRedirectsToTheReplyScript() throws Exception {
        mvc.perform(form("/intake/hotline/calls").param("callerPhone", "13812345678"))
                .andExpect(redirectedUrl("/intake/hotline"))
                .andExpect(flash().attributeExists("taken"));
    }

    @Test
    void thePreviewLocatesSuggestsAndEscapesWhatWasTyped() throws Exception {
        mvc.perform(form("/intake/hotline/preview").param("callerPhone", "")
                        .param("description", "<script>alert(1)</script>井盖破损"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview-grid\"")))
                .andExpect(content().string(containsString("data-class-ref=\"COMPONENT:")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void theCasePageIncludeMasksTheCallerForADepartment() throws Exception {
        var body = mvc.perform(post("/api/v1/hotline/calls").with(httpBasic("operator1", DemoCases.PASSWORD))
                        .contentType("application/json").content("""
                                {"callerName":"钱七","callerPhone":"13698765432","lon":116.4039,"lat":39.9151,
                                 "kind":"COMPONENT","classCode":"01001","description":"井盖破损"}"""))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.caseId")).longValue();
        var cases = new DemoCases(mvc);
        cases.act(id, "operator1", "send-verify", "\"supervisor\":\"supervisor1\"");
        cases.act(id, "supervisor1", "verify", "\"passed\":true");
        cases.act(id, "shiftlead1", "file", "\"urgent\":false");
        cases.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");

        mvc.perform(get("/intake/hotline/case/" + id + "/callbacks").with(httpBasic("h-water", DemoCases.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("136****5432")))
                .andExpect(content().string(not(containsString("13698765432"))));
        mvc.perform(get("/intake/hotline/case/" + id + "/callbacks").with(httpBasic("operator1", DemoCases.PASSWORD)))
                .andExpect(content().string(containsString("13698765432")));
        mvc.perform(get("/intake/hotline/case/" + id + "/callbacks").with(httpBasic("h-sanitation",
                        DemoCases.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
