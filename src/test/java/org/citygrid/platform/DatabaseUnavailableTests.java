package org.citygrid.platform;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A request that finds the connection pool empty for the pool's whole timeout is a 503 with Retry-After, not a 500:
 * the pool here has three connections, which the test holds.
 */
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=1000", "citygrid.cases.sla.enabled=false"})
@AutoConfigureMockMvc
class DatabaseUnavailableTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void anEmptyConnectionPoolIsA503ProblemWithRetryAfter() throws Exception {
        mvc.perform(get("/api/v1/org/departments").with(user("leader").roles("LEADER")))
                .andExpect(status().isOk());
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection();
             Connection c = dataSource.getConnection()) {
            mvc.perform(get("/api/v1/org/departments").with(user("leader").roles("LEADER")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.type").value(containsString("unavailable")))
                    .andExpect(jsonPath("$.status").value(503));
        }
        mvc.perform(get("/api/v1/org/departments").with(user("leader").roles("LEADER")))
                .andExpect(status().isOk());
    }
}
