package org.citygrid.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.time.Duration;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The live stream: a subscriber is greeted at once, and a case reported afterwards reaches it as a "changed" message
 * (after commit, through the module listener and the debounce). The same context as {@link DashboardApiTests}.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DashboardStreamTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;

    @Test
    void aReportedCaseReachesASubscriberOfTheStream() throws Exception {
        var result = mvc.perform(get("/api/v1/dashboard/stream").with(httpBasic("leader", "Demo@2026"))
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted()).andReturn();
        var response = result.getResponse();
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        assertThat(response.getContentAsString()).contains("event:hello");
        assertThat(response.getContentAsString()).doesNotContain("event:changed");

        cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039, 39.9151, null,
                null, "井盖破损", false, null, null, null), Actor.of("supervisor1", null, Role.SUPERVISOR));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(response.getContentAsString())
                .contains("event:changed")
                // a burst is one message: other work of the shared test context may be merged into it
                .containsPattern("\"reasons\":\\[[^\\]]*\"reported\""));
    }

    @Test
    void theStreamIsForTheCommandRolesOnly() throws Exception {
        mvc.perform(get("/api/v1/dashboard/stream").with(httpBasic("supervisor1", "Demo@2026")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }
}
