package org.citygrid.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code citygrid.security.*}: sign-in throttling. */
@ConfigurationProperties("citygrid.security")
public record SecurityProperties(@DefaultValue Login login) {

    /** Lock a username out after {@code maxFailures} failures within {@code window}, for {@code lockout}. */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                        @DefaultValue("15m") Duration lockout) {
    }
}
