package org.citygrid.cases.internal.routing;

import java.util.List;
import java.util.regex.Pattern;

import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Regions;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's routing rules: listing, creating, changing and deleting them. Every code is checked against
 * the catalog, the org directory and the geography (422 on the field); a stale version is a 409.
 */
@Service
public class RoutingRules {

    public static final int MAX_PRIORITY = 1000;
    private static final Pattern CLASS_CODE = Pattern.compile("\\d{2}|\\d{5}");

    private final RoutingRuleRepository rules;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final Regions regions;

    RoutingRules(RoutingRuleRepository rules, Catalog catalog, OrgDirectory org, Regions regions) {
        this.rules = rules;
        this.catalog = catalog;
        this.org = org;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    public List<RoutingRule> list() {
        return rules.findAllByOrderById();
    }

    @Transactional(readOnly = true)
    public RoutingRule get(long id) {
        return rules.findById(id).orElseThrow(() -> new DomainException.NotFound("cases.routing.rule.unknown", id));
    }

    /** The enabled rules, as the policy reads them. */
    @Transactional(readOnly = true)
    public List<RoutingPolicy.Rule> enabled() {
        return rules.findByEnabledTrue().stream().map(RoutingRule::forPolicy).toList();
    }

    @Transactional
    public RoutingRule create(RoutingRule.Settings s) {
        return rules.save(RoutingRule.create(checked(s)));
    }

    @Transactional
    public RoutingRule change(long id, int version, RoutingRule.Settings s) {
        var rule = current(id, version);
        rule.change(checked(s));
        return rules.save(rule);
    }

    @Transactional
    public void delete(long id, int version) {
        rules.delete(current(id, version));
    }

    private RoutingRule current(long id, int version) {
        var rule = get(id);
        if (rule.version() != version) {
            throw new DomainException.Conflict("cases.routing.rule.stale", version, rule.version());
        }
        return rule;
    }

    /** The settings with blank codes as absent and every code checked. */
    RoutingRule.Settings checked(RoutingRule.Settings s) {
        var classCode = blankToNull(s.classCode());
        var regionCode = blankToNull(s.regionCode());
        var department = blankToNull(s.departmentCode());
        if (classCode != null && !classExists(s.kind(), classCode)) {
            throw new DomainException.Invalid("classCode", "cases.routing.rule.class-unknown", classCode);
        }
        if (regionCode != null && !regions.exists(regionCode)) {
            throw new DomainException.Invalid("regionCode", "cases.routing.rule.region-unknown", regionCode);
        }
        if (department == null || !org.departmentExists(department)) {
            throw new DomainException.Invalid("departmentCode", "cases.routing.rule.department-unknown",
                    department == null ? "" : department);
        }
        if (s.priority() < 0 || s.priority() > MAX_PRIORITY) {
            throw new DomainException.Invalid("priority", "cases.routing.rule.priority-range", MAX_PRIORITY);
        }
        return new RoutingRule.Settings(s.kind(), classCode, regionCode, department, s.priority(), s.autoDispatch(),
                s.enabled());
    }

    /** A 5-digit code names a class, a 2-digit one a major class (of the kind, when one is given). */
    private boolean classExists(ClassKind kind, String code) {
        if (!CLASS_CODE.matcher(code).matches()) {
            return false;
        }
        return catalog.list(kind).stream()
                .anyMatch(c -> code.length() == 2 ? code.equals(c.majorCode()) : code.equals(c.code()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
