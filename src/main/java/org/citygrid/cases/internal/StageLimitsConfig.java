package org.citygrid.cases.internal;

import java.util.Arrays;
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

    /**
     * One stage's limit as configured: 1..10000 of a unit. Checked here as well as by the annotations: the binder
     * does not cascade validation into map values, and a failure here names the property.
     */
    record LimitSetting(@NotNull @Min(1) @Max(10_000) Integer amount, @NotNull TimeUnit unit) {

        LimitSetting {
            if (amount == null || amount < 1 || amount > 10_000) {
                throw new IllegalArgumentException("amount must be a whole number from 1 to 10000, was " + amount);
            }
            if (unit == null) {
                throw new IllegalArgumentException("unit is required, one of " + Arrays.toString(
                        TimeUnit.values()));
            }
        }
    }

    @Validated
    @ConfigurationProperties("citygrid.cases")
    record StageLimitsProperties(@Valid Map<Stage, LimitSetting> stageLimits) {

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
