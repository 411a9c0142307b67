package org.citygrid.platform;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in, landing on the right workbench, languages and error pages of the web UI. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class WebShellTests {

    static final String PASSWORD = "Demo@2026";

    @Autowired
    MockMvc mvc;

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageWhichListsTheDemoAccounts() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登录 CityGrid")))
                .andExpect(content().string(containsString("Demo@2026")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void everyDemoAccountLandsOnTheWorkbenchOfItsRole() throws Exception {
        var expected = List.of(
                List.of("admin", "/workbench/admin"), List.of("leader", "/workbench/leader"),
                List.of("operator1", "/workbench/operator"), List.of("shiftlead1", "/workbench/shift-lead"),
                List.of("dispatcher1", "/workbench/dispatcher"), List.of("supervisor3", "/workbench/supervisor"),
                List.of("h-water", "/workbench/department"), List.of("h-110101001", "/workbench/department"));
        for (var pair : expected) {
            var landing = mvc.perform(get("/").with(httpBasic(pair.get(0), PASSWORD)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(landing).as(pair.get(0)).isEqualTo(pair.get(1));
            mvc.perform(get(landing).with(httpBasic(pair.get(0), PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-workbench=")));
        }
    }

    @Test
    void formLoginSendsTheUserHome() throws Exception {
        mvc.perform(formLogin("/login").user("shiftlead1").password(PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("shiftlead1").password("nope"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void someoneElsesWorkbenchIsAHelpful403Page() throws Exception {
        mvc.perform(get("/workbench/dispatcher").with(httpBasic("supervisor1", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/org/people").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorSeesPeopleAndDepartments() throws Exception {
        mvc.perform(get("/admin/org/people?role=DEPT_HANDLER").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("h-water")))
                .andExpect(content().string(containsString("演示")));
        mvc.perform(get("/admin/org/departments").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("城市管理指挥中心")))
                .andExpect(content().string(containsString("东华门街道办事处")));
    }

    @Test
    void theInterfaceSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/workbench/operator").with(httpBasic("operator1", PASSWORD)))
                .andExpect(content().string(containsString("受理员工作台")));
        mvc.perform(get("/workbench/operator?lang=en").with(httpBasic("operator1", PASSWORD)))
                .andExpect(content().string(containsString("Accept reports from supervisors")));
    }

    @Test
    void theAdministratorCreatesAnAccountInTheFormAndIsToldWhatToFix() throws Exception {
        mvc.perform(post("/admin/org/people/new").with(httpBasic("admin", PASSWORD)).with(csrf())
                        .param("username", "h-new").param("displayName", "新处置员").param("roles", "DEPT_HANDLER")
                        .param("password", "Secret123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("专业部门处置人员必须指定所属部门")))
                .andExpect(content().string(containsString("value=\"h-new\"")));

        mvc.perform(post("/admin/org/people/new").with(httpBasic("admin", PASSWORD)).with(csrf())
                        .param("username", "h-new").param("displayName", "新处置员").param("roles", "DEPT_HANDLER")
                        .param("departmentCode", "water").param("password", "Secret123"))
                .andExpect(redirectedUrl("/admin/org/people"));
        mvc.perform(get("/api/v1/me").with(httpBasic("h-new", "Secret123")))
                .andExpect(status().isOk());
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/org/people/new").with(httpBasic("admin", PASSWORD))
                        .param("username", "forged").param("displayName", "伪造").param("roles", "ADMIN")
                        .param("password", "Secret123"))
                .andExpect(status().isForbidden());
    }
}
