package org.citygrid.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;

import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.internal.routing.RoutingRule;
import org.citygrid.cases.internal.routing.RoutingRuleRepository;
import org.citygrid.cases.internal.routing.RoutingRules;
import org.citygrid.notifications.NotificationKind;
import org.citygrid.notifications.Notifications;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.platform.web.Paging;
import org.citygrid.support.DemoCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rule says auto-dispatch, but the dispatch is refused because a dispatcher changed the case at the same moment
 * (a real 409 on the version): the filing stands, the case waits in PENDING_DISPATCH with no assignment and no
 * dispatch on its record, and the dispatchers are notified. Run on H2 ({@code AutoDispatchFailureTests}) and
 * PostgreSQL ({@code AutoDispatchFailureOnPostgresTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
abstract class AutoDispatchFailureContract {

    static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);

    @Autowired
    MockMvc mvc;
    @MockitoSpyBean
    Cases cases;
    @Autowired
    RoutingRuleRepository rules;
    @Autowired
    RoutingRules routingRules;
    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void removeRules() {
        rules.deleteAll();
    }

    /** Just before the system's dispatch is saved, a dispatcher urges the case in a transaction of their own. */
    private void aDispatcherActsFirst() {
        var own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        doAnswer(call -> {
            long id = call.getArgument(0);
            own.executeWithoutResult(tx -> cases.act(id, CaseAction.URGE, cases.get(id, DISPATCHER).version(),
                    ActionInput.note("请尽快派遣"), DISPATCHER));
            return call.callRealMethod();
        }).when(cases).act(anyLong(), eq(CaseAction.DISPATCH), anyInt(), any(),
                argThat(a -> a != null && Person.SYSTEM_USERNAME.equals(a.username())));
    }

    @Test
    void aRefusedAutoDispatchLeavesTheCaseFiledAndWaitingAndTellsTheDispatchers() throws Exception {
        routingRules.create(new RoutingRule.Settings(null, "01001", null, "gas", 5, true, true));
        aDispatcherActsFirst();
        var demo = new DemoCases(mvc);
        long id = demo.report();
        demo.act(id, "operator1", "accept", "");

        demo.act(id, "shiftlead1", "file", "\"urgent\":false");

        var c = cases.get(id, DISPATCHER);
        assertThat(c.status()).isEqualTo(CaseStatus.PENDING_DISPATCH);
        assertThat(c.assignments()).isEmpty();
        assertThat(c.departmentCode()).isNull();
        assertThat(c.timeline()).extracting(e -> e.action())
                .containsExactly(CaseAction.REPORT, CaseAction.ACCEPT, CaseAction.FILE, CaseAction.URGE);
        assertThat(c.timeline().getLast().actor()).isEqualTo("dispatcher1");
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications.list("dispatcher1", false,
                new Paging(0, 500)).items().stream().anyMatch(n -> n.caseId() == id
                && n.kind() == NotificationKind.AUTO_DISPATCH_FAILED));
        var note = notifications.list("dispatcher1", false, new Paging(0, 500)).items().stream()
                .filter(n -> n.caseId() == id && n.kind() == NotificationKind.AUTO_DISPATCH_FAILED).findFirst()
                .orElseThrow();
        assertThat(note.arguments()).contains("gas", "#notifications.auto-dispatch.conflict");

        // the dispatcher can still dispatch it by hand
        demo.act(id, "dispatcher1", "dispatch", "\"departmentCode\":\"gas\"");
        assertThat(demo.statusOf(id)).isEqualTo("DISPATCHED");
    }
}
