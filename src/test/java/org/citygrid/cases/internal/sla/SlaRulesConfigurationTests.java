package org.citygrid.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrid.cases.EscalationAction.NOTIFY;
import static org.citygrid.cases.EscalationAction.NOTIFY_DISPATCHERS;
import static org.citygrid.cases.EscalationAction.NOTIFY_LEADERS;
import static org.citygrid.cases.EscalationAction.URGE;

import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** citygrid.cases.sla.escalations: rules bind from configuration, replace the defaults, and bad rules stop start-up. */
class SlaRulesConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SlaProperties.class)
    static class Rules {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Rules.class);

    @Test
    void withoutRulesYellowAndRedNotifyAndARedHandleIsUrgedAndToldToTheDispatchers() {
        runner.run(context -> {
            var sla = context.getBean(SlaProperties.class);
            assertThat(sla.enabled()).isFalse();
            assertThat(sla.actionsFor(Stage.ACCEPT, Light.YELLOW)).containsExactly(NOTIFY);
            assertThat(sla.actionsFor(Stage.CHECK, Light.RED)).containsExactly(NOTIFY);
            assertThat(sla.actionsFor(Stage.HANDLE, Light.RED)).containsExactlyInAnyOrder(NOTIFY, URGE,
                    NOTIFY_DISPATCHERS);
        });
    }

    @Test
    void configuredRulesReplaceTheDefaults() {
        runner.withPropertyValues("citygrid.cases.sla.escalations[0].stage=close",
                        "citygrid.cases.sla.escalations[0].light=red",
                        "citygrid.cases.sla.escalations[0].actions=urge,notify-leaders")
                .run(context -> {
                    var sla = context.getBean(SlaProperties.class);
                    assertThat(sla.actionsFor(Stage.CLOSE, Light.RED)).containsExactlyInAnyOrder(URGE, NOTIFY_LEADERS);
                    assertThat(sla.actionsFor(Stage.HANDLE, Light.RED)).isEmpty();
                    assertThat(sla.actionsFor(Stage.CLOSE, Light.YELLOW)).isEmpty();
                });
    }

    @Test
    void anUrgeBeforeFilingStopsStartUpWithAClearMessage() {
        runner.withPropertyValues("citygrid.cases.sla.escalations[0].stage=ACCEPT",
                "citygrid.cases.sla.escalations[0].light=RED",
                "citygrid.cases.sla.escalations[0].actions=URGE").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("URGE needs a stage from DISPATCH on");
                });
    }

    private static String messages(Throwable failure) {
        var text = new StringBuilder();
        for (var t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void aGreenRuleOrARuleWithoutActionsStopsStartUp() {
        runner.withPropertyValues("citygrid.cases.sla.escalations[0].light=GREEN",
                "citygrid.cases.sla.escalations[0].actions=NOTIFY").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("citygrid.cases.sla.escalations[0].light=RED")
                .run(context -> assertThat(context).hasFailed());
    }
}
