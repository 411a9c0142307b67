package org.citygrid.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The feed's debounce, with the delay run by hand: a burst of changes becomes one message. */
class DashboardFeedTests {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final DashboardFeed feed = new DashboardFeed(
            new DashboardSettings(Duration.ofMillis(700), Duration.ofSeconds(20), Duration.ofMinutes(30),
                    Duration.ofSeconds(10)),
            (delay, task) -> {
                delays.add(delay);
                scheduled.add(task);
            });

    @Test
    void aBurstOfChangesIsToldOnceAfterTheDebounceInterval() {
        feed.changed("reported");
        feed.changed("transitioned");
        feed.changed("reported");

        assertThat(scheduled).hasSize(1);
        assertThat(delays).containsExactly(Duration.ofMillis(700));
        assertThat(feed.sequence()).isZero();

        scheduled.getFirst().run();
        assertThat(feed.sequence()).isEqualTo(1);
    }

    @Test
    void aChangeAfterTheMessageStartsTheNextInterval() {
        feed.changed("reported");
        scheduled.getFirst().run();
        feed.changed("light");

        assertThat(scheduled).hasSize(2);
        scheduled.get(1).run();
        assertThat(feed.sequence()).isEqualTo(2);
    }

    @Test
    void aSubscriberIsCountedUntilItsStreamEnds() {
        var emitter = feed.subscribe();
        assertThat(feed.subscribers()).isEqualTo(1);
        // not attached to a response: completing runs no callback here, a failed send drops it
        emitter.complete();
        feed.changed("reported");
        scheduled.getFirst().run();
        assertThat(feed.subscribers()).isZero();
    }
}
