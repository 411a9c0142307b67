package org.citygrid.org;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in to CityGrid: their roles and, for department staff, their department. */
@Table("person")
public class Person {

    /** The name the platform acts under (SLA escalations, auto-dispatch); no account may take it. */
    public static final String SYSTEM_USERNAME = "system";
    /** The name the public portal reports under (intake, docs/PORTAL.md); no account may take it. */
    public static final String PORTAL_USERNAME = "portal";
    /** Names no account may take: the timeline would not tell the account from the platform acting. */
    public static final java.util.Set<String> RESERVED_USERNAMES = java.util.Set.of(SYSTEM_USERNAME, PORTAL_USERNAME);

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String phone;
    private String departmentCode;
    private String passwordHash;
    private boolean enabled;
    private boolean demoAccount;
    @MappedCollection(idColumn = "person_id")
    private Set<PersonRole> roles;
    @Version
    private int version;

    @PersistenceCreator
    Person(Long id, String username, String displayName, String phone, String departmentCode, String passwordHash,
           boolean enabled, boolean demoAccount, Set<PersonRole> roles, int version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.phone = phone;
        this.departmentCode = departmentCode;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.demoAccount = demoAccount;
        this.roles = new LinkedHashSet<>(roles);
        this.version = version;
    }

    public static Person create(String username, String displayName, String phone, String departmentCode,
                                Set<Role> roles, String passwordHash, boolean demoAccount) {
        return new Person(null, username, displayName, phone, departmentCode, passwordHash, true, demoAccount,
                toRows(roles), 0);
    }

    /** Changes what an administrator may change about a person. */
    public void update(String newDisplayName, String newPhone, String newDepartmentCode, Set<Role> newRoles,
                       boolean nowEnabled) {
        this.displayName = newDisplayName;
        this.phone = newPhone;
        this.departmentCode = newDepartmentCode;
        this.roles = toRows(newRoles);
        this.enabled = nowEnabled;
    }

    /** A changed password is no longer the published demo password. */
    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.demoAccount = false;
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    public Set<Role> roles() {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(
                roles.stream().map(PersonRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }

    private static Set<PersonRole> toRows(Set<Role> roles) {
        return roles.stream().map(PersonRole::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String phone() { return phone; }
    public String departmentCode() { return departmentCode; }
    public String passwordHash() { return passwordHash; }
    public boolean enabled() { return enabled; }
    public boolean demoAccount() { return demoAccount; }
    public int version() { return version; }

    @Table("person_role")
    record PersonRole(Role role) {
    }
}
