package org.citygrid.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.citygrid.assets.ComponentDirectory;
import org.citygrid.assets.ComponentSummary;
import org.citygrid.cases.internal.routing.RoutingPolicy;
import org.citygrid.cases.internal.routing.RoutingRules;
import org.citygrid.catalog.Catalog;
import org.citygrid.org.Department;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 派遣建议: feeds {@link RoutingPolicy} with the case, the enabled rules, the component the case names and the
 * class's default department, and renders its outcome in the reader's language. Also says how a dispatch relates to
 * the suggestion, for the timeline.
 */
@Service
public class Routing {

    /** Timeline reasons of a dispatch: the suggestion was followed, overridden, or there was none. */
    public static final String FOLLOWED = "ROUTING_FOLLOWED";
    public static final String OVERRIDDEN = "ROUTING_OVERRIDDEN";
    public static final String NO_SUGGESTION = "ROUTING_NONE";
    /** Timeline reason of an automatic dispatch, followed by the rule's id. */
    public static final String AUTO_RULE = "ROUTING_AUTO_RULE_";

    private static final Pattern COMPONENT_ID = Pattern.compile("\\d{17}");

    private final RoutingRules rules;
    private final ComponentDirectory components;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final MessageSource messages;

    Routing(RoutingRules rules, ComponentDirectory components, Catalog catalog, OrgDirectory org,
            MessageSource messages) {
        this.rules = rules;
        this.components = components;
        this.catalog = catalog;
        this.org = org;
        this.messages = messages;
    }

    /** The component a report names: null when none, a 422 on {@code componentId} when the inventory lacks it. */
    public String checkedComponent(String componentId) {
        if (componentId == null || componentId.isBlank()) {
            return null;
        }
        var id = componentId.strip();
        if (!COMPONENT_ID.matcher(id).matches() || components.find(id).isEmpty()) {
            throw new DomainException.Invalid("componentId", "cases.routing.component-unknown", id);
        }
        return id;
    }

    /** The policy's outcome for the case. */
    @Transactional(readOnly = true)
    RoutingPolicy.Outcome decide(Case c) {
        var cls = catalog.find(c.kind(), c.classCode());
        var subject = new RoutingPolicy.Subject(c.kind(), c.classCode(), cls.map(x -> x.name()).orElse(""),
                cls.map(x -> x.defaultDepartmentCode()).orElse(null), c.gridCode(), c.communityCode(),
                c.streetCode(), c.districtCode(), c.componentId());
        return RoutingPolicy.decide(subject, rules.enabled(), component(c),
                code -> org.department(code).filter(Department::active).map(Department::name).orElse(null));
    }

    /** The suggestion for the case in the reader's language. */
    @Transactional(readOnly = true)
    public DispatchSuggestion suggest(Case c, Locale locale) {
        var outcome = decide(c);
        var winner = outcome.winner();
        var alternatives = outcome.candidates().stream().skip(1)
                .map(a -> new DispatchSuggestion.Alternative(a.departmentCode(), a.departmentName(), a.source(),
                        a.ruleId(), messages.getMessage(a.reason(), locale)))
                .toList();
        if (winner.isEmpty()) {
            return new DispatchSuggestion(null, null, null, null, false,
                    messages.getMessage(outcome.none(), locale), alternatives);
        }
        var w = winner.get();
        return new DispatchSuggestion(w.departmentCode(), w.departmentName(), w.source(), w.ruleId(),
                w.autoDispatch(), messages.getMessage(w.reason(), locale), alternatives);
    }

    /** The timeline reason of a dispatch by a person to {@code departmentCode}. */
    String dispatchReason(Case c, String departmentCode) {
        return decide(c).winner()
                .map(w -> w.departmentCode().equals(departmentCode) ? FOLLOWED : OVERRIDDEN)
                .orElse(NO_SUGGESTION);
    }

    private Optional<ComponentSummary> component(Case c) {
        return c.componentId() == null ? Optional.empty() : components.find(c.componentId());
    }
}
