package org.citygrid.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract's rules for identity, roles and errors (shared/design/API.md, "Conventions"). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class ApiSecurityAndProblemsTests {

    static final String PASSWORD = "Demo@2026";

    @Autowired
    MockMvc mvc;

    @Test
    void anUnauthenticatedApiCallIsA401ProblemWithABasicChallenge() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.type").value(containsString("unauthenticated")))
                .andExpect(jsonPath("$.requestId").isNotEmpty())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aWrongPasswordIsA401Problem() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("leader", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("用户名或密码不正确。"));
    }

    @Test
    void meDescribesTheSignedInAccount() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("h-water"))
                .andExpect(jsonPath("$.roles[0]").value("DEPT_HANDLER"))
                .andExpect(jsonPath("$.departmentCode").value("water"));
    }

    @Test
    void theWrongRoleIsA403Problem() throws Exception {
        mvc.perform(get("/api/v1/org/people").with(httpBasic("dispatcher1", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("forbidden")));
    }

    @Test
    void peopleArePagedAndFilteredByRole() throws Exception {
        mvc.perform(get("/api/v1/org/people?role=SUPERVISOR&size=2").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].username").value("supervisor1"))
                .andExpect(jsonPath("$.items[0].passwordHash").doesNotExist());
    }

    @Test
    void anOversizedPageIsA400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/org/people?size=501").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/org/people?page=abc").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/org/people?role=MAYOR").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void malformedJsonIsA400SayingWhere() throws Exception {
        mvc.perform(post("/api/v1/org/departments").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"x\", \"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("malformed-json")))
                .andExpect(jsonPath("$.detail").value(containsString("第 1 行")));
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/org/departments").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"x1\", \"name\": \"部门\", \"kind\": \"CASTLE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void missingFieldsAreA400ListingEachField() throws Exception {
        mvc.perform(post("/api/v1/org/departments").with(httpBasic("admin", PASSWORD))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"x2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("kind")))
                .andExpect(jsonPath("$.detail").value(containsString("These fields are wrong")));
    }

    @Test
    void aPersonInAnUnknownDepartmentIsA422AndNothingIsSaved() throws Exception {
        mvc.perform(post("/api/v1/org/people").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"ghost","displayName":"无部门","departmentCode":"nowhere",
                                 "roles":["DEPT_HANDLER"],"password":"Secret123"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("departmentCode"));
        mvc.perform(get("/api/v1/org/people/ghost").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(containsString("not-found")));
    }

    @Test
    void aStaleVersionIsA409() throws Exception {
        mvc.perform(post("/api/v1/org/people").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"versioned","displayName":"版本","roles":["OPERATOR"],"password":"Secret123"}"""))
                .andExpect(status().isCreated());
        var created = mvc.perform(get("/api/v1/org/people/versioned").with(httpBasic("admin", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        int version = com.jayway.jsonpath.JsonPath.read(created, "$.version");
        var change = """
                {"version":%d,"displayName":"改名","roles":["OPERATOR"],"enabled":true}""".formatted(version);
        mvc.perform(put("/api/v1/org/people/versioned").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.displayName").value("改名"));
        mvc.perform(put("/api/v1/org/people/versioned").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("stale-version")));
    }

    @Test
    void aBrowserSessionMustSendTheCsrfToken() throws Exception {
        mvc.perform(post("/api/v1/org/departments").with(user("admin").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"x3\",\"name\":\"部门\",\"kind\":\"PROFESSIONAL\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(containsString("csrf")));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        mvc.perform(post("/api/v1/org/people").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"guessed","displayName":"被猜","roles":["LEADER"],"password":"Secret123"}"""))
                .andExpect(status().isCreated());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("guessed", "guess" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("guessed", "Secret123")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value(containsString("login-throttled")));
    }

    @Test
    void healthIsPublicAndUpWithTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health").with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists())
                .andExpect(jsonPath("$.paths.length()", greaterThanOrEqualTo(3)));
    }

    @Test
    void everyResponseCarriesARequestIdAndSecureHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Request-Id"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
