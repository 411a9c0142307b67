package org.citygrid.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HTTP Basic remembers a verified password for a few minutes (docs/SECURITY.md); what it must never remember:
 * an old password after a change, a disabled account, a locked-out one, a wrong password.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class RememberedBasicPasswordsTests {

    static final String ADMIN_PASSWORD = "Demo@2026";

    @Autowired
    MockMvc mvc;

    private void create(String username) throws Exception {
        mvc.perform(post("/api/v1/org/people").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"记住","roles":["LEADER"],"password":"Secret123"}"""
                                .formatted(username)))
                .andExpect(status().isCreated());
        // twice: the second answer comes from the remembered check
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "Secret123"))).andExpect(status().isOk());
        }
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceThoughTheOldOneWasRemembered() throws Exception {
        create("remembered-a");
        mvc.perform(post("/api/v1/me/password").with(httpBasic("remembered-a", "Secret123"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"Secret123\",\"newPassword\":\"Newer456x\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/me").with(httpBasic("remembered-a", "Secret123")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("remembered-a", "Newer456x"))).andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordFailsWhileTheRightOneIsRemembered() throws Exception {
        create("remembered-b");

        mvc.perform(get("/api/v1/me").with(httpBasic("remembered-b", "Secret124")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountIsRefusedThoughItsPasswordWasRemembered() throws Exception {
        create("remembered-c");
        var body = mvc.perform(get("/api/v1/org/people/remembered-c").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        int version = com.jayway.jsonpath.JsonPath.read(body, "$.version");
        mvc.perform(put("/api/v1/org/people/remembered-c").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":%d,"displayName":"记住","roles":["LEADER"],"enabled":false}"""
                                .formatted(version)))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/me").with(httpBasic("remembered-c", "Secret123")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aLockedOutAccountIsRefusedThoughItsPasswordWasRemembered() throws Exception {
        create("remembered-d");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("remembered-d", "guess" + i)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/v1/me").with(httpBasic("remembered-d", "Secret123")))
                .andExpect(status().isTooManyRequests());
    }
}
