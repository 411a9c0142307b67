package org.citygrid.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.citygrid.cases.internal.sla.SlaTestSupport.local;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.EscalationAction;
import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClock;
import org.citygrid.cases.TimelineEntry;
import org.citygrid.notifications.Notification;
import org.citygrid.notifications.NotificationKind;
import org.citygrid.notifications.Notifications;
import org.citygrid.org.Role;
import org.citygrid.platform.web.Paging;
import org.citygrid.support.DemoCases;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Escalation rules from configuration, end to end: the monitor's event, the system urge on the timeline and the
 * notifications of the people the rules name. Rules here: RED on HANDLE urges and tells the dispatchers; YELLOW on
 * any stage tells the leaders; nothing else (so RED on RECEIVE does nothing).
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class}, properties = {
        "citygrid.cases.sla.escalations[0].stage=HANDLE",
        "citygrid.cases.sla.escalations[0].light=RED",
        "citygrid.cases.sla.escalations[0].actions=URGE,NOTIFY_DISPATCHERS",
        "citygrid.cases.sla.escalations[1].light=YELLOW",
        "citygrid.cases.sla.escalations[1].actions=NOTIFY_LEADERS"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class SlaEscalationTests {

    private static final Actor READER = Actor.system(Role.DISPATCHER);

    @Autowired
    SlaMonitor monitor;
    @Autowired
    Cases cases;
    @Autowired
    Notifications notifications;
    @Autowired
    MutableClock clock;
    @Autowired
    SlaTestSupport.Turned turned;
    @Autowired
    MockMvc mvc;

    private Instant deadlineOf(Case c, Stage stage) {
        return c.stages().stream().filter(s -> s.stage() == stage).map(StageClock::deadline).findFirst().orElseThrow();
    }

    private List<Notification> of(String username, Case c, NotificationKind kind) {
        return notifications.list(username, false, new Paging(0, 500)).items().stream()
                .filter(n -> c.id().value() == n.caseId() && n.kind() == kind).toList();
    }

    @Test
    void aRedHandleClockIsUrgedByTheSystemOnceAndTheDispatchersAndTheDepartmentAreTold() throws Exception {
        clock.set(local(2026, 11, 23, 9, 0));
        var c = SlaTestSupport.dispatchedToWater(cases);
        clock.set(deadlineOf(c, Stage.HANDLE).plus(Duration.ofMinutes(1)));
        monitor.pass();
        monitor.pass();

        var handle = turned.of(c.id()).stream().filter(e -> e.stage() == Stage.HANDLE).toList();
        assertThat(handle).singleElement().satisfies(e -> {
            assertThat(e.light()).isEqualTo(Light.RED);
            assertThat(e.actions()).containsExactlyInAnyOrder(EscalationAction.URGE,
                    EscalationAction.NOTIFY_DISPATCHERS);
            assertThat(e.departmentCode()).isEqualTo("water");
        });
        assertThat(turned.of(c.id())).filteredOn(e -> e.stage() == Stage.RECEIVE)
                .allSatisfy(e -> assertThat(e.actions()).isEmpty());

        await().atMost(Duration.ofSeconds(30)).until(() -> urges(c).size() == 1
                && !of("h-water", c, NotificationKind.URGED).isEmpty());
        var urge = urges(c).getFirst();
        assertThat(urge.actor()).isEqualTo("system");
        assertThat(urge.note()).contains("系统督办").contains("处置");
        assertThat(of("dispatcher1", c, NotificationKind.STAGE_RED)).hasSize(1);
        assertThat(of("h-water", c, NotificationKind.STAGE_RED)).as("no NOTIFY in these rules").isEmpty();

        var html = mvc.perform(get("/cases/" + c.id().value() + "?lang=zh-CN")
                        .with(httpBasic("operator1", DemoCases.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<code>系统</code>");
    }

    private List<TimelineEntry> urges(Case c) {
        return cases.get(c.id().value(), READER).timeline().stream()
                .filter(e -> e.action() == CaseAction.URGE).toList();
    }

    @Test
    void aYellowClockTellsTheLeadersWhenTheRulesSaySo() {
        clock.set(local(2026, 11, 23, 14, 0));
        var c = SlaTestSupport.dispatchedToWater(cases);
        // RECEIVE: 60 working minutes from 14:00, yellow from 14:48
        clock.set(local(2026, 11, 23, 14, 50));
        monitor.pass();

        assertThat(turned.of(c.id())).extracting(e -> e.stage() + "/" + e.light()).contains("RECEIVE/YELLOW");
        await().atMost(Duration.ofSeconds(30)).until(() -> !of("leader", c, NotificationKind.STAGE_YELLOW).isEmpty());
        assertThat(of("leader", c, NotificationKind.STAGE_YELLOW)).hasSize(1);
        assertThat(of("h-water", c, NotificationKind.STAGE_YELLOW)).isEmpty();
    }
}
