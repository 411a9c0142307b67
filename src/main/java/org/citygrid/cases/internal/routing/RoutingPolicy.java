package org.citygrid.cases.internal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.citygrid.assets.ComponentSummary;
import org.citygrid.cases.RoutingSource;
import org.citygrid.catalog.ClassKind;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * 派遣建议策略 — which department a case should go to, and why. Candidates in order: the enabled rules that match
 * (the most specific region first, then the highest priority, then a sub-class rule before a major-class or
 * any-class rule, then the older rule), the component's maintainer, its owner, the class's default department. A
 * rule beats the component: rules are the administrator's explicit decision, inventory data may be stale, and a
 * rule can be narrowed to a grid where the component should decide. Each department appears once, at its best
 * place; a department the directory does not know is skipped. Pure: no Spring container, no database.
 */
public final class RoutingPolicy {

    private RoutingPolicy() {
    }

    /** What the policy needs to know about the case. */
    public record Subject(ClassKind kind, String classCode, String className, String defaultDepartmentCode,
                          String gridCode, String communityCode, String streetCode, String districtCode,
                          String componentId) {
    }

    /** A rule as the policy reads it. */
    public record Rule(long id, ClassKind kind, String classCode, String regionCode, String departmentCode,
                       int priority, boolean autoDispatch, boolean enabled) {
    }

    /** One candidate department: its reason is a message (key and arguments) for the reader's language. */
    public record Candidate(String departmentCode, String departmentName, RoutingSource source, Long ruleId,
                            boolean autoDispatch, MessageSourceResolvable reason) {
    }

    /** The candidates, best first; when there is none, {@code none} says why. */
    public record Outcome(List<Candidate> candidates, MessageSourceResolvable none) {

        public Optional<Candidate> winner() {
            return candidates.stream().findFirst();
        }
    }

    /**
     * @param departmentName the name of a department by code, or null for a code the directory does not know
     */
    public static Outcome decide(Subject s, List<Rule> rules, Optional<ComponentSummary> component,
                                 Function<String, String> departmentName) {
        var all = new ArrayList<Candidate>();
        matching(s, rules).forEach(r -> all.add(candidate(r.departmentCode(), RoutingSource.RULE, r.id(),
                r.autoDispatch(), departmentName, "cases.routing.reason.rule", r.id(), classLabel(r),
                regionLabel(r), r.priority())));
        component.ifPresent(c -> {
            all.add(candidate(c.maintainerDepartmentCode(), RoutingSource.COMPONENT_MAINTAINER, null, false,
                    departmentName, "cases.routing.reason.maintainer", c.id()));
            all.add(candidate(c.ownerDepartmentCode(), RoutingSource.COMPONENT_OWNER, null, false, departmentName,
                    "cases.routing.reason.owner", c.id()));
        });
        all.add(candidate(s.defaultDepartmentCode(), RoutingSource.CLASS_DEFAULT, null, false, departmentName,
                "cases.routing.reason.class-default", s.classCode(), s.className()));
        var unique = new LinkedHashMap<String, Candidate>();
        all.stream().filter(c -> c != null).forEach(c -> unique.putIfAbsent(c.departmentCode(), c));
        var candidates = List.copyOf(unique.values());
        return new Outcome(candidates, candidates.isEmpty() ? none(s) : null);
    }

    /** The enabled rules that apply to the case, best first. */
    static List<Rule> matching(Subject s, List<Rule> rules) {
        Comparator<Rule> order = Comparator.comparingInt((Rule r) -> regionLevel(s, r)).reversed()
                .thenComparing(Comparator.comparingInt(Rule::priority).reversed())
                .thenComparing(Comparator.comparingInt(RoutingPolicy::classLevel).reversed())
                .thenComparingLong(Rule::id);
        return rules.stream().filter(Rule::enabled).filter(r -> r.kind() == null || r.kind() == s.kind())
                .filter(r -> classMatches(s, r)).filter(r -> regionLevel(s, r) >= 0).sorted(order).toList();
    }

    private static boolean classMatches(Subject s, Rule r) {
        return r.classCode() == null || r.classCode().equals(s.classCode())
                || (r.classCode().length() == 2 && s.classCode() != null && s.classCode().startsWith(r.classCode()));
    }

    private static int classLevel(Rule r) {
        return r.classCode() == null ? 0 : r.classCode().length() == 2 ? 1 : 2;
    }

    /** 0 for a rule without region, 1 district, 2 street, 3 community, 4 grid; -1 when the region does not match. */
    static int regionLevel(Subject s, Rule r) {
        var region = r.regionCode();
        if (region == null) {
            return 0;
        }
        if (region.equals(s.gridCode())) {
            return 4;
        }
        if (region.equals(s.communityCode())) {
            return 3;
        }
        if (region.equals(s.streetCode())) {
            return 2;
        }
        return region.equals(s.districtCode()) ? 1 : -1;
    }

    private static Candidate candidate(String departmentCode, RoutingSource source, Long ruleId, boolean auto,
                                       Function<String, String> departmentName, String key, Object... args) {
        if (departmentCode == null || departmentCode.isBlank()) {
            return null;
        }
        var name = departmentName.apply(departmentCode);
        if (name == null) {
            return null;
        }
        var withName = new Object[args.length + 1];
        System.arraycopy(args, 0, withName, 0, args.length);
        withName[args.length] = name;
        return new Candidate(departmentCode, name, source, ruleId, auto, message(key, withName));
    }

    private static Object classLabel(Rule r) {
        return r.classCode() != null ? r.classCode() : message("cases.routing.any-class");
    }

    private static Object regionLabel(Rule r) {
        return r.regionCode() != null ? r.regionCode() : message("cases.routing.any-region");
    }

    private static MessageSourceResolvable none(Subject s) {
        return s.componentId() == null
                ? message("cases.routing.none", s.classCode(), s.className())
                : message("cases.routing.none-with-component", s.classCode(), s.className(), s.componentId());
    }

    private static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args, key);
    }
}
