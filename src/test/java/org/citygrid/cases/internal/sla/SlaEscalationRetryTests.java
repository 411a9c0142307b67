package org.citygrid.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.citygrid.cases.internal.sla.SlaTestSupport.local;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClock;
import org.citygrid.cases.TimelineEntry;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA urge races a person: between the system reading the case and saving its urge, the dispatcher urges it
 * too. The system's save meets a real 409 (stale version), reads the case again and urges once more: both urges are
 * on the record, the system's exactly once.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class}, properties = {
        "citygrid.cases.sla.escalations[0].stage=HANDLE",
        "citygrid.cases.sla.escalations[0].light=RED",
        "citygrid.cases.sla.escalations[0].actions=URGE"})
@ActiveProfiles("demo")
class SlaEscalationRetryTests {

    private static final Actor DISPATCHER = Actor.of("dispatcher1", null, Role.DISPATCHER);

    @Autowired
    SlaMonitor monitor;
    @MockitoSpyBean
    Cases cases;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactions;

    private static boolean bySystem(Actor a) {
        return a != null && Person.SYSTEM_USERNAME.equals(a.username());
    }

    /** The first time the system saves an urge, the dispatcher's own urge commits just before it. */
    private void theDispatcherUrgesFirst() {
        var own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        var raced = new AtomicBoolean();
        doAnswer(call -> {
            long id = call.getArgument(0);
            if (raced.compareAndSet(false, true)) {
                own.executeWithoutResult(tx -> cases.act(id, CaseAction.URGE, cases.get(id, DISPATCHER).version(),
                        ActionInput.note("派遣员督办"), DISPATCHER));
            }
            return call.callRealMethod();
        }).when(cases).act(anyLong(), eq(CaseAction.URGE), anyInt(), any(), argThat(SlaEscalationRetryTests::bySystem));
    }

    @Test
    void anUrgeThatMeetsAConcurrentChangeIsRetriedOnceWithTheNewVersion() {
        // stubbed before the case exists: stubbing a spy while the dispatch's asynchronous listeners may call it on
        // their threads fails now and then (Mockito: unfinished stubbing); the stub matches only the system's urge
        theDispatcherUrgesFirst();
        clock.set(local(2026, 11, 23, 9, 0));
        var c = SlaTestSupport.dispatchedToWater(cases);
        clock.set(deadlineOf(c).plus(Duration.ofMinutes(1)));

        monitor.pass();

        await().atMost(Duration.ofSeconds(30)).until(() -> urges(c).size() == 2);
        assertThat(urges(c)).extracting(TimelineEntry::actor).containsExactly("dispatcher1", "system");
        assertThat(urges(c).getLast().note()).contains("系统督办");
        verify(cases, times(2)).act(eq(c.id().value()), eq(CaseAction.URGE), anyInt(), any(),
                argThat(SlaEscalationRetryTests::bySystem));
    }

    private static java.time.Instant deadlineOf(Case c) {
        return c.stages().stream().filter(s -> s.stage() == Stage.HANDLE).map(StageClock::deadline).findFirst()
                .orElseThrow();
    }

    private List<TimelineEntry> urges(Case c) {
        return cases.get(c.id().value(), DISPATCHER).timeline().stream()
                .filter(e -> e.action() == CaseAction.URGE).toList();
    }
}
