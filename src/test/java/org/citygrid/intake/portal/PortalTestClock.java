package org.citygrid.intake.portal;

import java.time.Instant;
import java.time.ZoneId;

import org.citygrid.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A hand-moved clock for the portal's tests: forms are "filled in" by moving it past the minimum fill time. */
@TestConfiguration(proxyBeanMethods = false)
class PortalTestClock {

    @Bean
    @Primary
    MutableClock portalClock() {
        return new MutableClock(Instant.parse("2026-11-20T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
}
