package org.citygrid.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code citygrid.security.*}: sign-in throttling, and how long a verified password is remembered. */
@ConfigurationProperties("citygrid.security")
public record SecurityProperties(@DefaultValue Login login, @DefaultValue VerifiedPasswords verifiedPasswords) {

    /** Lock a username out after {@code maxFailures} failures within {@code window}, for {@code lockout}. */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                        @DefaultValue("15m") Duration lockout) {
    }

    /**
     * How long a password that passed BCrypt is remembered for the same stored hash (HTTP Basic clients then pay for
     * BCrypt once per {@code ttl}); {@code ttl: 0} turns it off. At most {@code maxEntries} are kept.
     */
    public record VerifiedPasswords(@DefaultValue("5m") Duration ttl, @DefaultValue("10000") int maxEntries) {
    }
}
