package org.citygrid.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the platform, in the jurisdiction's time zone. Tests replace it; nothing calls now() directly. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(@Value("${citygrid.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
