package org.citygrid.cases.internal;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.Limit;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The jurisdiction's stage limits, {@code citygrid.cases.stage-limits.<stage>.amount|unit}; a stage not named keeps
 * WORKFLOW.md's default. HANDLE here is only the fallback for a class without a limit. A bad value stops start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StageLimitsConfig.StageLimitsProperties.class)
class StageLimitsConfig {

    /** One stage's limit as configured: 1..10000 of a unit. */
    record LimitSetting(@NotNull @Min(1) @Max(10_000) Integer amount, @NotNull TimeUnit unit) {
    }

    @Validated
    @ConfigurationProperties("citygrid.cases")
    record StageLimitsProperties(Map<Stage, @Valid LimitSetting> stageLimits) {

        StageLimitsProperties {
            stageLimits = stageLimits == null ? Map.of() : Map.copyOf(stageLimits);
        }

        StageLimits toLimits() {
            var limits = new EnumMap<>(StageLimits.defaults().limits());
            stageLimits.forEach((stage, s) -> limits.put(stage, new Limit(s.amount(), s.unit())));
            return new StageLimits(limits);
        }
    }

    @Bean
    StageLimits stageLimits(StageLimitsProperties properties) {
        return properties.toLimits();
    }
}
