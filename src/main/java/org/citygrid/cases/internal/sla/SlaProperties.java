package org.citygrid.cases.internal.sla;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.citygrid.cases.EscalationAction;
import org.citygrid.cases.Light;
import org.citygrid.cases.Stage;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SLA monitor ({@code citygrid.cases.sla.*}): whether the scheduled pass runs on this node, how often, and the
 * escalation rules. Without configured rules the defaults apply: YELLOW on any stage notifies the responsible people;
 * RED on any stage notifies them too, and RED on HANDLE also urges the case and notifies the dispatchers.
 */
@Validated
@ConfigurationProperties("citygrid.cases.sla")
record SlaProperties(Boolean enabled, Duration interval, List<@Valid Rule> escalations) {

    /** The states an URGE can act in start at PENDING_DISPATCH: no urge before filing (WORKFLOW.md, urge row). */
    static final Set<Stage> URGEABLE = EnumSet.of(Stage.DISPATCH, Stage.RECEIVE, Stage.HANDLE, Stage.CHECK,
            Stage.CLOSE);

    SlaProperties {
        enabled = enabled != null && enabled;
        interval = interval == null ? Duration.ofMinutes(1) : interval;
        escalations = escalations == null || escalations.isEmpty() ? defaults() : List.copyOf(escalations);
    }

    /**
     * One escalation rule: when a clock of {@code stage} (every stage when omitted) turns {@code light}, do
     * {@code actions}.
     */
    record Rule(Stage stage, @NotNull Light light, @NotEmpty Set<EscalationAction> actions) {

        boolean matches(Stage s, Light l) {
            return light == l && (stage == null || stage == s);
        }

        @AssertTrue(message = "light must be YELLOW or RED (a clock is never signalled GREEN)")
        boolean isSignalledLight() {
            return light != Light.GREEN;
        }

        @AssertTrue(message = "URGE needs a stage from DISPATCH on (DISPATCH, RECEIVE, HANDLE, CHECK, CLOSE): "
                + "a case is urged only after filing")
        boolean isUrgeable() {
            return actions == null || !actions.contains(EscalationAction.URGE)
                    || (stage != null && URGEABLE.contains(stage));
        }
    }

    static List<Rule> defaults() {
        return List.of(new Rule(null, Light.YELLOW, Set.of(EscalationAction.NOTIFY)),
                new Rule(null, Light.RED, Set.of(EscalationAction.NOTIFY)),
                new Rule(Stage.HANDLE, Light.RED, Set.of(EscalationAction.URGE, EscalationAction.NOTIFY_DISPATCHERS)));
    }

    /** The actions of every rule that matches. */
    Set<EscalationAction> actionsFor(Stage stage, Light light) {
        var actions = EnumSet.noneOf(EscalationAction.class);
        escalations.stream().filter(r -> r.matches(stage, light)).forEach(r -> actions.addAll(r.actions()));
        return actions;
    }
}
