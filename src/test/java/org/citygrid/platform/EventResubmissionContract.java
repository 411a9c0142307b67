package org.citygrid.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module listener that failed is run again by {@link EventResubmission} once its publication is old enough, and not
 * before; run on H2 and PostgreSQL. The schedule is set far apart so that only the test's calls run.
 */
@SpringBootTest(properties = "citygrid.events.resubmit-every=PT1H")
@Import(EventResubmissionContract.FlakyListener.class)
abstract class EventResubmissionContract {

    record Ping(String id) {
    }

    /** Fails the first time it hears a ping, succeeds after. */
    /** The publication's status and delivery attempts, e.g. "FAILED/1". */
    private String state(String id) {
        return jdbc.sql("SELECT status, completion_attempts FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + id + "%").query((rs, i) -> rs.getString(1) + "/" + rs.getInt(2)).single();
    }

    @TestConfiguration
    static class FlakyListener {

        final AtomicInteger calls = new AtomicInteger();
        final Set<String> heard = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        void on(Ping ping) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the first delivery fails");
            }
            heard.add(ping.id());
        }

        // read through methods: the bean is a proxy (the listener is asynchronous and transactional), its fields empty
        int calls() {
            return calls.get();
        }

        boolean heard(String id) {
            return heard.contains(id);
        }
    }

    @Autowired
    EventResubmission resubmission;
    @Autowired
    FlakyListener listener;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private long incomplete(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event "
                + "LIKE :id").param("id", "%" + id + "%").query(Long.class).single();
    }

    @Test
    void aFailedListenerRunsAgainOnceItsPublicationIsOldEnough() {
        var id = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> events.publishEvent(new Ping(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.calls() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("FAILED/1"));

        // a resubmission claims what it runs again before it runs it, so this is decided when the call returns
        resubmission.resubmitOlderThan(Duration.ofHours(1));
        assertThat(state(id)).as("too young to be run again").isEqualTo("FAILED/1");
        assertThat(listener.calls()).isEqualTo(1);
        assertThat(incomplete(id)).isEqualTo(1);

        resubmission.resubmitOlderThan(Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.heard(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(id) == 0);
        assertThat(listener.calls()).isEqualTo(2);
    }
}
