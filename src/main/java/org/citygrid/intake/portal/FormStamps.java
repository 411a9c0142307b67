package org.citygrid.intake.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.citygrid.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * The signed time a report form was served ({@code millis.signature}, HMAC-SHA256). A form sent back sooner than the
 * minimum fill time was not filled in by a person; one older than the maximum age must be reloaded; a stamp that
 * does not verify was not ours.
 */
@Component
class FormStamps {

    private final Clock clock;
    private final Duration minFill;
    private final Duration maxAge;
    private final byte[] key;

    FormStamps(Clock clock, PortalProperties properties) {
        this.clock = clock;
        this.minFill = properties.minFillTime();
        this.maxAge = properties.maxFormAge();
        if (properties.formSecret() == null || properties.formSecret().isBlank()) {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = properties.formSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    String issue() {
        var millis = Long.toString(clock.millis());
        return millis + "." + sign(millis);
    }

    /** 422 on {@code stamp} unless the stamp is ours, old enough and not too old. */
    void check(String stamp) {
        var dot = stamp == null ? -1 : stamp.indexOf('.');
        if (dot < 1 || stamp.length() > 100) {
            throw new DomainException.Invalid("stamp", "portal.form.stamp-invalid");
        }
        var millis = stamp.substring(0, dot);
        var expected = sign(millis).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new DomainException.Invalid("stamp", "portal.form.stamp-invalid");
        }
        var served = Instant.ofEpochMilli(Long.parseLong(millis));
        var age = Duration.between(served, clock.instant());
        if (age.compareTo(minFill) < 0) {
            throw new DomainException.Invalid("stamp", "portal.form.too-fast", minFill.toSeconds());
        }
        if (age.compareTo(maxAge) > 0) {
            throw new DomainException.Invalid("stamp", "portal.form.expired");
        }
    }

    private String sign(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
