package org.citygrid.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.citygrid.platform.security.LoginThrottle;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void locksAKeyOutAfterTooManyFailuresWithinTheWindow() {
        throttle.recordFailure("user:a");
        throttle.recordFailure("user:a");
        assertThat(throttle.lockedUntil("user:a")).isEmpty();

        throttle.recordFailure("user:a");

        assertThat(throttle.lockedUntil("user:a")).contains(Instant.parse("2026-11-27T02:10:00Z"));
        assertThat(throttle.lockedUntil("user:b")).isEmpty();
    }

    @Test
    void theLockoutEndsByItself() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("user:a");
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedUntil("user:a")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        throttle.recordFailure("user:a");
        throttle.recordFailure("user:a");
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("user:a");
        assertThat(throttle.lockedUntil("user:a")).isEmpty();
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        throttle.recordFailure("user:a");
        throttle.recordFailure("user:a");
        throttle.recordSuccess("user:a");
        throttle.recordFailure("user:a");
        throttle.recordFailure("user:a");
        assertThat(throttle.lockedUntil("user:a")).isEmpty();
    }
}
