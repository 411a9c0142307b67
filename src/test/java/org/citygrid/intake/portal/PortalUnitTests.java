package org.citygrid.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;

import org.citygrid.platform.DomainException;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The portal's defences without Spring: token buckets, tracking codes, form stamps, coarse positions. */
class PortalUnitTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private PortalProperties properties(Duration minFill, String secret) {
        var bucket = new PortalProperties.Bucket(3, Duration.ofSeconds(10));
        return new PortalProperties(minFill, Duration.ofHours(2), secret, bucket, bucket, bucket, 30, 2000,
                Duration.ofSeconds(60));
    }

    @Test
    void aBucketLetsItsCapacityThroughThenOneTokenPerRefillInterval() {
        var buckets = new TokenBuckets(new PortalProperties.Bucket(3, Duration.ofSeconds(10)), clock);
        assertThat(buckets.take("10.0.0.1")).isEmpty();
        assertThat(buckets.take("10.0.0.1")).isEmpty();
        assertThat(buckets.take("10.0.0.1")).isEmpty();
        assertThat(buckets.take("10.0.0.1")).contains(Duration.ofSeconds(10));
        assertThat(buckets.take("10.0.0.2")).as("another client has its own bucket").isEmpty();
        clock.advance(Duration.ofSeconds(4));
        assertThat(buckets.take("10.0.0.1")).contains(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(buckets.take("10.0.0.1")).isEmpty();
        assertThat(buckets.take("10.0.0.1")).isPresent();
    }

    @Test
    void aBucketNeverHoldsMoreThanItsCapacity() {
        var buckets = new TokenBuckets(new PortalProperties.Bucket(2, Duration.ofSeconds(1)), clock);
        buckets.take("k");
        clock.advance(Duration.ofDays(1));
        assertThat(buckets.take("k")).isEmpty();
        assertThat(buckets.take("k")).isEmpty();
        assertThat(buckets.take("k")).isPresent();
    }

    @Test
    void throttledAnswersRetryAfterInWholeSecondsRoundedUp() {
        assertThat(new Throttled(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Throttled(Duration.ofMillis(2001)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void trackingCodesAreTenSymbolsWithoutLookAlikesAndAreReadBackHoweverTyped() {
        var codes = new TrackingCodes(new SecureRandom());
        var seen = new HashSet<String>();
        for (int i = 0; i < 2000; i++) {
            var code = codes.next();
            assertThat(code).hasSize(10).doesNotContainAnyWhitespaces().matches("[2-9A-HJKMNP-Z]{10}");
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
        var code = codes.next();
        var shown = TrackingCodes.display(code);
        assertThat(shown).hasSize(11).contains("-");
        assertThat(TrackingCodes.normalize(" " + shown.toLowerCase() + " ")).contains(code);
        assertThat(TrackingCodes.normalize("ABCDE-FGHI1")).as("I and 1 are not in the alphabet").isEmpty();
        assertThat(TrackingCodes.normalize("' OR 1=1 --")).isEmpty();
        assertThat(TrackingCodes.normalize(null)).isEmpty();
    }

    @Test
    void aFormSentTooSoonTooLateOrWithAForgedStampIsRefused() {
        var stamps = new FormStamps(clock, properties(Duration.ofSeconds(3), ""));
        var stamp = stamps.issue();
        assertThatThrownBy(() -> stamps.check(stamp)).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("portal.form.too-fast");
        clock.advance(Duration.ofSeconds(3));
        stamps.check(stamp);
        var forged = (clock.millis() - 60_000) + stamp.substring(stamp.indexOf('.'));
        assertThatThrownBy(() -> stamps.check(forged)).hasMessageContaining("portal.form.stamp-invalid");
        assertThatThrownBy(() -> stamps.check("garbage")).hasMessageContaining("portal.form.stamp-invalid");
        assertThatThrownBy(() -> stamps.check(null)).hasMessageContaining("portal.form.stamp-invalid");
        var other = new FormStamps(clock, properties(Duration.ofSeconds(3), ""));
        assertThatThrownBy(() -> other.check(stamp)).as("another key (a restart) does not know the stamp")
                .hasMessageContaining("portal.form.stamp-invalid");
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> stamps.check(stamp)).hasMessageContaining("portal.form.expired");
    }

    @Test
    void formStampsWithAConfiguredSecretHoldAcrossInstances() {
        var one = new FormStamps(clock, properties(Duration.ZERO, "s3cret"));
        var two = new FormStamps(clock, properties(Duration.ZERO, "s3cret"));
        two.check(one.issue());
    }

    @Test
    void publicPositionsAreTheCentreOfTheirThousandthOfADegreeCell() {
        assertThat(PublicPortal.coarse(116.4039)).isEqualTo(116.4035);
        assertThat(PublicPortal.coarse(39.91512)).isEqualTo(39.9155);
        assertThat(PublicPortal.coarse(116.40301)).isEqualTo(PublicPortal.coarse(116.40399));
    }

    @Test
    void phoneNumbersAndTextsAreCheckedBeforeAnythingIsStored() {
        assertThat(PublicPortal.phone(" 138 0013 8000 ")).isEqualTo("138 0013 8000");
        assertThat(PublicPortal.phone("")).isNull();
        assertThatThrownBy(() -> PublicPortal.phone("1'; DROP TABLE case_file; --"))
                .hasMessageContaining("portal.field.phone-invalid");
        assertThatThrownBy(() -> PublicPortal.text("name", "a\u0000b", 50, false))
                .hasMessageContaining("portal.field.control-characters.name");
        assertThatThrownBy(() -> PublicPortal.text("description", "x".repeat(1001), 1000, true))
                .hasMessageContaining("portal.field.too-long.description");
        assertThatThrownBy(() -> PublicPortal.text("description", "  ", 1000, true))
                .hasMessageContaining("portal.field.required.description");
        assertThatThrownBy(() -> PublicPortal.coordinate("NaN", 180)).hasMessageContaining("location-missing");
        assertThatThrownBy(() -> PublicPortal.coordinate("1e400", 180)).hasMessageContaining("location-missing");
    }
}
