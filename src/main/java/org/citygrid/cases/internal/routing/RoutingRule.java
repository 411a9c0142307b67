package org.citygrid.cases.internal.routing;

import org.citygrid.catalog.ClassKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 派遣规则 — cases of a class (or a major class, or any class; optionally of one kind) in a region (a district,
 * street, community or grid; or anywhere) go to a department. The most specific region wins, then the priority.
 * With {@code autoDispatch} a filed case the rule wins for is dispatched at once by the system.
 */
@Table("routing_rule")
public class RoutingRule {

    @Id
    private Long id;
    private ClassKind kind;
    private String classCode;
    private String regionCode;
    private String departmentCode;
    private int priority;
    private boolean autoDispatch;
    private boolean enabled;
    @Version
    private int version;

    @PersistenceCreator
    RoutingRule(Long id, ClassKind kind, String classCode, String regionCode, String departmentCode, int priority,
                boolean autoDispatch, boolean enabled, int version) {
        this.id = id;
        this.kind = kind;
        this.classCode = classCode;
        this.regionCode = regionCode;
        this.departmentCode = departmentCode;
        this.priority = priority;
        this.autoDispatch = autoDispatch;
        this.enabled = enabled;
        this.version = version;
    }

    /** What an administrator sets on a rule; codes already checked. */
    public record Settings(ClassKind kind, String classCode, String regionCode, String departmentCode, int priority,
                           boolean autoDispatch, boolean enabled) {
    }

    /** A new rule from settings the caller has checked ({@link RoutingRules} does). */
    public static RoutingRule create(Settings s) {
        var rule = new RoutingRule(null, null, null, null, null, 0, false, false, 0);
        rule.change(s);
        return rule;
    }

    void change(Settings s) {
        kind = s.kind();
        classCode = s.classCode();
        regionCode = s.regionCode();
        departmentCode = s.departmentCode();
        priority = s.priority();
        autoDispatch = s.autoDispatch();
        enabled = s.enabled();
    }

    RoutingPolicy.Rule forPolicy() {
        return new RoutingPolicy.Rule(id, kind, classCode, regionCode, departmentCode, priority, autoDispatch,
                enabled);
    }

    public Long id() { return id; }
    public ClassKind kind() { return kind; }
    public String classCode() { return classCode; }
    public String regionCode() { return regionCode; }
    public String departmentCode() { return departmentCode; }
    public int priority() { return priority; }
    public boolean autoDispatch() { return autoDispatch; }
    public boolean enabled() { return enabled; }
    public int version() { return version; }
}
