package org.citygrid.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrid.cases.internal.sla.SlaTestSupport.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.Case;
import org.citygrid.cases.Cases;
import org.citygrid.cases.EscalationAction;
import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SLA monitor against the real calendar and a real database: lights cross only in working time, each crossing is
 * signalled once even when two monitors race, and the ShedLock lease admits one node at a time. Runs on H2 and on
 * PostgreSQL through the two subclasses.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
abstract class SlaMonitorContract {

    @Autowired
    SlaMonitor monitor;
    @Autowired
    Cases cases;
    @Autowired
    MutableClock clock;
    @Autowired
    SlaTestSupport.Turned turned;
    @Autowired
    DataSource dataSource;

    private List<Light> lightsOf(Case c) {
        return turned.of(c.id()).stream().map(StageClockTurned::light).toList();
    }

    private void passAt(Instant t) {
        clock.set(t);
        monitor.pass();
    }

    @Test
    void anAcceptClockTurnsYellowAndRedInWorkingTimeOnlyAndEachLightIsSignalledOnce() {
        clock.set(local(2026, 11, 20, 17, 55));
        var c = SlaTestSupport.report(cases);
        // 10 working minutes: 5 on Friday evening, 5 on Monday morning
        assertThat(c.stages().getFirst().deadline()).isEqualTo(local(2026, 11, 23, 8, 5));

        passAt(local(2026, 11, 20, 17, 59));
        passAt(local(2026, 11, 22, 12, 0));
        passAt(local(2026, 11, 23, 8, 2));
        assertThat(lightsOf(c)).as("7 of 10 working minutes used").isEmpty();

        passAt(local(2026, 11, 23, 8, 3));
        passAt(local(2026, 11, 23, 8, 4));
        assertThat(lightsOf(c)).containsExactly(Light.YELLOW);

        passAt(local(2026, 11, 23, 8, 6));
        passAt(local(2026, 11, 23, 9, 0));
        assertThat(lightsOf(c)).containsExactly(Light.YELLOW, Light.RED);
        var red = turned.of(c.id()).getLast();
        assertThat(red.stage()).isEqualTo(Stage.ACCEPT);
        assertThat(red.caseNo()).isEqualTo(c.caseNo());
        assertThat(red.actions()).containsExactly(EscalationAction.NOTIFY);
    }

    @Test
    void twoMonitorsRacingOnTheSameDatabaseActOnEachCrossingOnce() throws Exception {
        clock.set(local(2026, 11, 20, 10, 0));
        var reported = new ArrayList<Case>();
        for (int i = 0; i < 12; i++) {
            reported.add(SlaTestSupport.report(cases));
        }
        race(local(2026, 11, 20, 10, 9));
        race(local(2026, 11, 20, 10, 9).plusSeconds(20));
        race(local(2026, 11, 20, 10, 11));
        race(local(2026, 11, 20, 10, 30));

        for (var c : reported) {
            assertThat(lightsOf(c)).as(c.caseNo()).containsExactly(Light.YELLOW, Light.RED);
        }
    }

    /** Two passes started together at {@code t}, as two nodes without the lease would run them. */
    private void race(Instant t) throws Exception {
        clock.set(t);
        var barrier = new CyclicBarrier(2);
        Callable<SlaMonitor.Pass> node = () -> {
            barrier.await();
            return monitor.pass();
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(node);
            var b = pool.submit(node);
            a.get();
            b.get();
        }
    }

    @Test
    void theLeaseLetsOneNodeRunTheScheduledPassAtATime() {
        var nodeA = new DefaultLockingTaskExecutor(lockProvider());
        var nodeB = new DefaultLockingTaskExecutor(lockProvider());
        var lease = new LockConfiguration(Instant.now(), "sla-test-" + UUID.randomUUID(), Duration.ofMinutes(1),
                Duration.ZERO);
        var ranB = new AtomicBoolean();

        Runnable b = () -> ranB.set(true);
        // node B is another thread: ShedLock lets the thread that holds a lease re-enter it
        Runnable a = () -> onAnotherThread(() -> nodeB.executeWithLock(b, lease));
        nodeA.executeWithLock(a, lease);
        assertThat(ranB).as("B while A holds the lease").isFalse();

        nodeB.executeWithLock(b, lease);
        assertThat(ranB).as("B once A released it").isTrue();
    }

    private static void onAnotherThread(Runnable r) {
        try (var pool = Executors.newSingleThreadExecutor()) {
            pool.submit(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JdbcTemplateLockProvider lockProvider() {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
