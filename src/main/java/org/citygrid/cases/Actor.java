package org.citygrid.cases;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.platform.security.CurrentUser;

/** Who acts on a case: a username, the roles they hold and, for department staff, their department. */
public record Actor(String username, Set<Role> roles, String departmentCode) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public static Actor of(String username, String departmentCode, Role... roles) {
        return new Actor(username, Set.of(roles), departmentCode);
    }

    /** The signed-in user as an actor of the loop; role names the org module does not know are ignored. */
    public static Actor of(CurrentUser user) {
        var roles = EnumSet.noneOf(Role.class);
        for (var role : Role.values()) {
            if (user.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return new Actor(user.username(), roles, user.departmentCode());
    }

    /**
     * The platform itself (SLA escalations, auto-dispatch), acting in the role the action's rule needs; shown on the
     * timeline as 系统 / System.
     */
    public static Actor system(Role actingAs) {
        return new Actor(Person.SYSTEM_USERNAME, Set.of(actingAs), null);
    }

    public boolean isSystem() {
        return Person.SYSTEM_USERNAME.equals(username);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
