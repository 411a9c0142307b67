package org.citygrid.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.Stage;
import org.citygrid.notifications.internal.Recipients;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.Paging;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Notifications with the demo accounts: the loop's events reach the people who must act, each person reads only
 * their own, and the bell in the header counts the unread ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class NotificationsApiTests {

    static final String PASSWORD = DemoCases.PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    Recipients recipients;
    @Autowired
    CompletedEventPublications completed;

    private DemoCases demo() {
        return new DemoCases(mvc);
    }

    private List<Notification> of(String username, long caseId, NotificationKind kind) {
        return notifications.list(username, false, new Paging(0, 500)).items().stream()
                .filter(n -> n.caseId() != null && n.caseId() == caseId && n.kind() == kind).toList();
    }

    private Notification awaitOne(String username, long caseId, NotificationKind kind) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !of(username, caseId, kind).isEmpty());
        return of(username, caseId, kind).getFirst();
    }

    private long dispatchedToWater() throws Exception {
        long id = demo().report();
        demo().act(id, "operator1", "accept", "");
        demo().act(id, "shiftlead1", "file", "");
        demo().act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"water\"");
        return id;
    }

    @Test
    void eachStageHasItsResponsiblePeople() {
        assertThat(recipients.forStage(Stage.ACCEPT, null, null)).contains("operator1");
        assertThat(recipients.forStage(Stage.VERIFY, null, "supervisor2")).containsExactly("supervisor2");
        assertThat(recipients.forStage(Stage.FILE, null, null)).contains("shiftlead1").doesNotContain("operator1");
        assertThat(recipients.forStage(Stage.DISPATCH, null, null)).contains("dispatcher1");
        // other tests of this shared demo context may add people to a department: assert membership, not the list
        assertThat(recipients.forStage(Stage.RECEIVE, "water", null)).contains("h-water").doesNotContain("h-gas");
        assertThat(recipients.forStage(Stage.HANDLE, "gas", null)).contains("h-gas").doesNotContain("h-water");
        assertThat(recipients.forStage(Stage.HANDLE, null, null)).isEmpty();
        assertThat(recipients.forStage(Stage.CHECK, null, "supervisor3")).containsExactly("supervisor3");
        assertThat(recipients.forStage(Stage.CHECK, null, null)).contains("operator1");
        assertThat(recipients.forStage(Stage.CLOSE, null, null)).contains("shiftlead1");
    }

    @Test
    void theLoopTellsTheDepartmentTheSupervisorAndTheDeciders() throws Exception {
        long id = dispatchedToWater();
        awaitOne("h-water", id, NotificationKind.DISPATCHED);
        assertThat(of("h-gas", id, NotificationKind.DISPATCHED)).isEmpty();

        demo().act(id, "h-water", "receive", "");
        demo().act(id, "h-water", "request-extension", "\"amount\":1,\"unit\":\"WORK_DAYS\",\"reason\":\"管线复杂\"");
        awaitOne("dispatcher1", id, NotificationKind.REQUEST);
        demo().act(id, "dispatcher1", "urge", "\"note\":\"今天内处理\"");
        assertThat(awaitOne("h-water", id, NotificationKind.URGED).arguments()).contains("今天内处理");

        demo().act(id, "h-water", "feedback", "\"note\":\"已更换井盖\",\"reason\":\"现场无法拍照\"");
        demo().act(id, "operator1", "send-check", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("supervisor1", "supervisor2", "supervisor3",
                "supervisor4", "supervisor5").stream().anyMatch(s -> !of(s, id, NotificationKind.CHECK_TASK).isEmpty()));

        demo().act(id, "operator1", "request-void", "\"reason\":\"重复上报\"");
        awaitOne("shiftlead1", id, NotificationKind.REQUEST);
    }

    @Test
    void onlyTheTransitionsThatTellSomeoneAreRecordedForTheNotifier() throws Exception {
        long id = dispatchedToWater();
        awaitOne("h-water", id, NotificationKind.DISPATCHED);
        demo().act(id, "h-water", "receive", "");
        demo().act(id, "dispatcher1", "urge", "\"note\":\"快\"");
        awaitOne("h-water", id, NotificationKind.URGED);
        // accept, file and receive went unrecorded; dispatch and urge were recorded and delivered
        await().atMost(Duration.ofSeconds(30)).until(() -> notifierPublications(id).size() == 2);
        assertThat(notifierPublications(id)).containsExactly(CaseAction.DISPATCH, CaseAction.URGE);
    }

    /** The recorded publications of the case's transitions: the notifier is the one module listener of them. */
    private List<CaseAction> notifierPublications(long caseId) {
        return completed.findAll().stream()
                .filter(p -> p.getEvent() instanceof CaseTransitioned t && t.caseId().value() == caseId)
                .sorted(java.util.Comparator.comparing(EventPublication::getPublicationDate))
                .map(p -> ((CaseTransitioned) p.getEvent()).action()).toList();
    }

    @Test
    void theApiListsReadsAndCountsOnlyOnesOwnNotifications() throws Exception {
        long id = dispatchedToWater();
        var n = awaitOne("h-water", id, NotificationKind.DISPATCHED);

        mvc.perform(get("/api/v1/notifications?unread=true&size=500&lang=zh-CN").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + n.id() + ")].caseUrl").value("/cases/" + id))
                .andExpect(jsonPath("$.items[?(@.id == " + n.id() + ")].title").value("新派遣案件"))
                .andExpect(jsonPath("$.items[?(@.id == " + n.id() + ")].message")
                        .value(hasItem(containsString(n.caseNo()))));
        var count = JsonPath.<Integer>read(mvc.perform(get("/api/v1/notifications/count")
                .with(httpBasic("h-water", PASSWORD))).andReturn().getResponse().getContentAsString(), "$.unread");
        assertThat(count).isPositive();

        mvc.perform(post("/api/v1/notifications/" + n.id() + "/read").with(httpBasic("h-gas", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString(String.valueOf(n.id()))));
        mvc.perform(post("/api/v1/notifications/" + n.id() + "/read").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.readAt").isNotEmpty());
        mvc.perform(get("/api/v1/notifications/count").with(httpBasic("h-water", PASSWORD)))
                .andExpect(jsonPath("$.unread").value(count - 1));

        mvc.perform(post("/api/v1/notifications/read-all").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(count - 1));
        mvc.perform(get("/api/v1/notifications/count").with(httpBasic("h-water", PASSWORD)))
                .andExpect(jsonPath("$.unread").value(0));
        mvc.perform(get("/api/v1/notifications?size=501").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/notifications/999999999/read").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void strangersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/count")).andExpect(status().isUnauthorized());
        var noRole = new CurrentUser("norole", "无角色", null, Set.of(), "x", true);
        mvc.perform(get("/api/v1/notifications").with(user(noRole))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/read-all").with(user(noRole)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theBellInTheHeaderCountsTheUnreadAndThePageListsThemWithLinks() throws Exception {
        long id = dispatchedToWater();
        var n = awaitOne("h-water", id, NotificationKind.DISPATCHED);
        long unread = notifications.unreadCount("h-water");

        var workbench = mvc.perform(get("/workbench/department?lang=zh-CN").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(workbench).contains("id=\"cg-bell\"").contains("data-unread=\"" + unread + "\"")
                .contains("hx-get=\"/notifications/bell\"").contains("hx-trigger=\"every 45s\"");
        var bell = mvc.perform(get("/notifications/bell").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bell).contains("id=\"cg-bell-count\"").contains(">" + unread + "<");

        var page = mvc.perform(get("/notifications?lang=en").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-notification-id=\"" + n.id() + "\"").contains("Case dispatched to you")
                .contains("/notifications/" + n.id() + "/read");

        mvc.perform(post("/notifications/read-all").with(httpBasic("h-water", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/notifications/read-all").with(httpBasic("h-water", PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var after = mvc.perform(get("/notifications/bell").with(httpBasic("h-water", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("data-unread=\"0\"");
    }

    @Test
    void morePagesOfNotificationsThanOneAreReachedByPagingLinks() throws Exception {
        var many = List.of("h-gas");
        for (int i = 0; i < 51; i++) {
            notifications.notify(many, NotificationKind.URGED, null, null, List.of("2026112700" + i));
        }

        var first = mvc.perform(get("/notifications").with(httpBasic("h-gas", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("id=\"notifications-paging\"").contains("href=\"/notifications?page=1&amp;unread=false\"");
        var second = mvc.perform(get("/notifications?page=1").with(httpBasic("h-gas", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("data-notification-id=").contains("href=\"/notifications?page=0&amp;unread=false\"");
    }
}
