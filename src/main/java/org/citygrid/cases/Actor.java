package org.citygrid.cases;

import java.util.Objects;
import java.util.Set;

import org.citygrid.org.Role;

/** Who acts on a case: a username, the roles they hold and, for department staff, their department. */
public record Actor(String username, Set<Role> roles, String departmentCode) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public static Actor of(String username, String departmentCode, Role... roles) {
        return new Actor(username, Set.of(roles), departmentCode);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
