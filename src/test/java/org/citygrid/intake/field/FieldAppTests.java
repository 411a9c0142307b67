package org.citygrid.intake.field;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.citygrid.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The field app's page, manifest, service worker and session over HTTP: for the signed-in supervisor only. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class FieldAppTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    private RequestPostProcessor as(String username) {
        return user((CurrentUser) users.loadUserByUsername(username));
    }

    @Test
    void theSupervisorGetsTheAppWithItsManifestWorkerAndTexts() throws Exception {
        mvc.perform(get("/field/").with(as("supervisor1")).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/field/manifest.webmanifest\"")))
                .andExpect(content().string(containsString("src=\"/field/app.js\"")))
                .andExpect(content().string(containsString("capture=\"environment\"")))
                .andExpect(content().string(containsString("\"offline\":\"离线\"")))
                .andExpect(content().string(containsString("data-user=\"supervisor1\"")));
        mvc.perform(get("/field/").with(as("supervisor1")).param("lang", "en"))
                .andExpect(content().string(containsString("\"offline\":\"offline\"")));
    }

    @Test
    void theAppLivesUnderItsWorkersScope() throws Exception {
        mvc.perform(get("/field").with(as("supervisor1"))).andExpect(redirectedUrl("/field/"));
    }

    @Test
    void theWorkerAndTheManifestAreServedToTheSignedInSupervisor() throws Exception {
        mvc.perform(get("/field/sw.js").with(as("supervisor1"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/javascript")))
                .andExpect(content().string(containsString("citygrid-field")));
        mvc.perform(get("/field/manifest.webmanifest").with(as("supervisor1"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/manifest+json")))
                .andExpect(content().string(containsString("\"scope\": \"/field/\"")));
    }

    @Test
    void otherRolesAndStrangersDoNotGetTheApp() throws Exception {
        mvc.perform(get("/field/").with(as("operator1"))).andExpect(status().isForbidden());
        mvc.perform(get("/field/session").with(as("operator1"))).andExpect(status().isForbidden());
        mvc.perform(get("/field/")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/field/sw.js")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSessionGivesTheOfflineQueueAFreshCsrfToken() throws Exception {
        mvc.perform(get("/field/session").with(as("supervisor1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("supervisor1"))
                .andExpect(jsonPath("$.csrfHeader").value("X-CSRF-TOKEN"))
                .andExpect(jsonPath("$.csrfToken").isNotEmpty())
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void theSupervisorWorkbenchLinksTheFieldApp() throws Exception {
        mvc.perform(get("/workbench/supervisor").with(as("supervisor1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"field-app-link\"")));
        mvc.perform(get("/workbench/operator").with(as("operator1"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("field-app-link"))));
    }
}
