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
 * Many reports at once on a pool of two connections all succeed: nothing on a report's path (its number, its save,
 * the listeners that run after its commit on the request's thread) may take a second connection while the first is
 * held, or a handful of concurrent reports would wait on each other until the pool times out. A listener that did
 * (a {@code @TransactionalEventListener} the event publication registry records in a transaction of its own) hung
 * the intake load test; this test fails with connection timeouts if one comes back.
 */
@org.springframework.test.context.ActiveProfiles("demo")
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=5000"})
class ReportsOnASmallPoolTests {

    @Autowired
    Cases cases;

    @Test
    void twelveConcurrentReportsOnTwoConnectionsAllSucceed() throws Exception {
        int reports = 12;
        var start = new CountDownLatch(1);
        var supervisor = Actor.of("supervisor1", null, Role.SUPERVISOR);
        try (var pool = Executors.newFixedThreadPool(reports)) {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < reports; i++) {
                Callable<String> report = () -> {
                    start.await();
                    return cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039,
                            39.9151, null, null, "并发上报", false, null, null, null), supervisor).caseNo();
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
