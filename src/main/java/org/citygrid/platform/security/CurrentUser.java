package org.citygrid.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the web layer sees them. Roles are the names of {@code org.citygrid.org.Role}; the org
 * module builds this from its accounts, so the platform needs no dependency on it.
 */
public record CurrentUser(String username, String displayName, String departmentCode, Set<String> roles,
                          String passwordHash, boolean enabled) implements UserDetails {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = roles.stream()
                .sorted()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never print the hash. */
    @Override
    public String toString() {
        return "CurrentUser[" + username + ", roles=" + roles + "]";
    }
}
