package org.citygrid.workbench;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.citygrid.org.Role;

/**
 * The workbench of each role, in the order a person with several roles is sent to them: the broadest view first,
 * then the supervision axis (shift lead before operator), command, the field and the departments.
 */
public enum Workbench {
    ADMIN("admin", Role.ADMIN),
    LEADER("leader", Role.LEADER),
    SHIFT_LEAD("shift-lead", Role.SHIFT_LEAD),
    DISPATCHER("dispatcher", Role.DISPATCHER),
    OPERATOR("operator", Role.OPERATOR),
    SUPERVISOR("supervisor", Role.SUPERVISOR),
    DEPARTMENT("department", Role.DEPT_HANDLER);

    private final String slug;
    private final Role role;

    Workbench(String slug, Role role) {
        this.slug = slug;
        this.role = role;
    }

    public String slug() {
        return slug;
    }

    public Role role() {
        return role;
    }

    public String path() {
        return "/workbench/" + slug;
    }

    /** Message-bundle prefix of this workbench's texts, e.g. {@code workbench.shift-lead}. */
    public String messagePrefix() {
        return "workbench." + slug;
    }

    static Optional<Workbench> bySlug(String slug) {
        return Arrays.stream(values()).filter(w -> w.slug.equals(slug)).findFirst();
    }

    /** The first workbench, in the order above, of someone holding these roles. */
    static Optional<Workbench> primaryFor(Set<String> roles) {
        return Arrays.stream(values()).filter(w -> roles.contains(w.role.name())).findFirst();
    }
}
