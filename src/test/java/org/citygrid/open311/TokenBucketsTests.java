package org.citygrid.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The POST throttle's token buckets, with a hand-moved clock. */
class TokenBucketsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    private final TokenBuckets buckets = new TokenBuckets(clock, 3, 6);

    @Test
    void aBurstUpToTheCapacityPassesThenTheNextWaits() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void tokensComeBackAtTheRate() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        clock.advance(Duration.ofSeconds(9));
        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void eachKeyHasItsOwnBucketAndAFullBucketNeverOverflows() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("b")).isZero();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isPositive();
    }
}
