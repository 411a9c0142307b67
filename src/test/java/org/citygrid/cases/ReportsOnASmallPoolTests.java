package org.citygrid.cases;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many reports, acceptances and filings at once on a pool of two connections all succeed: nothing on their path
 * (the number, the save, the listeners that run after the commit on the acting thread) may take a second connection
 * while the first is held, or a handful of concurrent requests would wait on each other until the pool times out.
 * Listeners that did (a {@code @TransactionalEventListener} is recorded by the event publication registry in a
 * transaction of its own) hung the intake load test; this test fails with connection timeouts if one comes back.
 */
@org.springframework.test.context.ActiveProfiles("demo")
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=5000"})
class ReportsOnASmallPoolTests {

    @Autowired
    Cases cases;

    @Test
    void twelveConcurrentReportsAcceptedAndFiledOnTwoConnectionsAllSucceed() throws Exception {
        int reports = 12;
        var start = new CountDownLatch(1);
        var supervisor = Actor.of("supervisor1", null, Role.SUPERVISOR);
        var operator = Actor.of("operator1", null, Role.OPERATOR);
        var shiftLead = Actor.of("shiftlead1", null, Role.SHIFT_LEAD);
        try (var pool = Executors.newFixedThreadPool(reports)) {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < reports; i++) {
                Callable<String> report = () -> {
                    start.await();
                    var c = cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001",
                            116.4039, 39.9151, null, null, "并发上报", false, null, null, null), supervisor);
                    c = cases.act(c.id().value(), CaseAction.ACCEPT, c.version(), ActionInput.NONE, operator);
                    c = cases.act(c.id().value(), CaseAction.FILE, c.version(), ActionInput.NONE, shiftLead);
                    return c.caseNo();
                };
                futures.add(pool.submit(report));
            }
            start.countDown();
            var numbers = new ArrayList<String>();
            for (var f : futures) {
                numbers.add(f.get());
            }
            assertThat(numbers).hasSize(reports).doesNotHaveDuplicates();
        }
    }
}
