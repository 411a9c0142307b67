package org.citygrid.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.Limit;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/** citygrid.cases.stage-limits: what is configured replaces the default stage by stage; a bad value stops start-up. */
class StageLimitsConfigTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(StageLimitsConfig.class);

    @Test
    void configuredLimitsReplaceTheDefaultsStageByStage() {
        runner.withPropertyValues("citygrid.cases.stage-limits.accept.amount=5",
                        "citygrid.cases.stage-limits.accept.unit=NATURAL_MINUTES",
                        "citygrid.cases.stage-limits.CLOSE.amount=2", "citygrid.cases.stage-limits.CLOSE.unit=WORK_HOURS")
                .run(context -> {
                    var limits = context.getBean(StageLimits.class);
                    assertThat(limits.of(Stage.ACCEPT)).isEqualTo(new Limit(5, TimeUnit.NATURAL_MINUTES));
                    assertThat(limits.of(Stage.CLOSE)).isEqualTo(new Limit(2, TimeUnit.WORK_HOURS));
                    assertThat(limits.of(Stage.VERIFY)).isEqualTo(StageLimits.defaults().of(Stage.VERIFY));
                });
    }

    @Test
    void withoutConfigurationTheWorkflowDefaultsApply() {
        runner.run(context -> assertThat(context.getBean(StageLimits.class).limits())
                .isEqualTo(StageLimits.defaults().limits()));
    }

    @Test
    void aZeroAmountStopsStartUpNamingThePropertyAndTheRule() {
        runner.withPropertyValues("citygrid.cases.stage-limits.accept.amount=0",
                "citygrid.cases.stage-limits.accept.unit=WORK_MINUTES").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(message(context.getStartupFailure()))
                            .contains("citygrid.cases.stage-limits.accept").contains("amount must be a whole number from 1 to 10000, was 0");
                });
    }

    @Test
    void aMissingUnitStopsStartUp() {
        runner.withPropertyValues("citygrid.cases.stage-limits.dispatch.amount=30").run(context -> {
            assertThat(context).hasFailed();
            assertThat(message(context.getStartupFailure())).contains("citygrid.cases.stage-limits.dispatch").contains("unit is required");
        });
    }

    @Test
    void anUnknownUnitOrStageStopsStartUp() {
        runner.withPropertyValues("citygrid.cases.stage-limits.accept.amount=3",
                "citygrid.cases.stage-limits.accept.unit=WORK_WEEKS").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(message(context.getStartupFailure())).contains("citygrid.cases.stage-limits.accept.unit");
                });
        runner.withPropertyValues("citygrid.cases.stage-limits.lunch.amount=3",
                "citygrid.cases.stage-limits.lunch.unit=WORK_MINUTES").run(context -> assertThat(context).hasFailed());
    }

    /** Every message down the cause chain: the binder's own text names the property. */
    static String message(Throwable failure) {
        var text = new StringBuilder();
        for (var t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.append(NestedExceptionUtils.getMostSpecificCause(failure)).toString();
    }
}
