package org.citygrid.org.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.citygrid.org.Department;
import org.citygrid.org.DepartmentKind;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing departments and accounts, with the rules that keep them consistent. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MIN_PASSWORD = 8;

    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;

    Accounts(DepartmentRepository departments, PersonRepository people, PasswordEncoder encoder, JdbcClient jdbc) {
        this.departments = departments;
        this.people = people;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    public record NewDepartment(String code, String name, DepartmentKind kind, String parentCode, String divisionCode) {
    }

    public record NewPerson(String username, String displayName, String phone, String departmentCode, Set<Role> roles,
                            String password) {
    }

    public record PersonChange(int version, String displayName, String phone, String departmentCode, Set<Role> roles,
                               boolean enabled) {
    }

    @Transactional
    public Department createDepartment(NewDepartment d) {
        if (!CODE.matcher(d.code()).matches()) {
            throw new DomainException.Invalid("code", "org.department.code.invalid", d.code());
        }
        if (departments.existsByCode(d.code())) {
            throw new DomainException.Conflict("org.department.code.taken", d.code());
        }
        if (d.parentCode() != null && !departments.existsByCode(d.parentCode())) {
            throw new DomainException.Invalid("parentCode", "org.department.unknown", d.parentCode());
        }
        return departments.save(Department.create(d.code(), d.name().strip(), d.kind(), d.parentCode(),
                d.divisionCode()));
    }

    @Transactional
    public Person createPerson(NewPerson p, boolean demoAccount) {
        return createPerson(p, demoAccount, null);
    }

    /**
     * As {@link #createPerson(NewPerson, boolean)}, with a hash the caller made of {@code p.password()} (or null):
     * seeding many accounts with one published password then costs one BCrypt run instead of one each.
     */
    @Transactional
    Person createPerson(NewPerson p, boolean demoAccount, String passwordHash) {
        if (!USERNAME.matcher(p.username()).matches()) {
            throw new DomainException.Invalid("username", "org.person.username.invalid", p.username());
        }
        if (Person.RESERVED_USERNAMES.contains(p.username())) {
            throw new DomainException.Invalid("username", "org.person.username.reserved", p.username());
        }
        if (people.existsByUsername(p.username())) {
            throw new DomainException.Conflict("org.person.username.taken", p.username());
        }
        checkRolesAndDepartment(p.roles(), p.departmentCode());
        checkPassword("password", p.password());
        var hash = passwordHash != null ? passwordHash : encoder.encode(p.password());
        return people.save(Person.create(p.username(), p.displayName().strip(), p.phone(), p.departmentCode(),
                p.roles(), hash, demoAccount));
    }

    @Transactional
    public Person updatePerson(String username, PersonChange change) {
        var person = person(username);
        checkRolesAndDepartment(change.roles(), change.departmentCode());
        if (person.version() != change.version()) {
            // Compared here, not copied into the aggregate: a copied 0 would make Spring Data JDBC insert it as new.
            throw new OptimisticLockingFailureException("person " + username + " is at version " + person.version()
                    + ", the change was made to version " + change.version());
        }
        person.update(change.displayName().strip(), change.phone(), change.departmentCode(), change.roles(),
                change.enabled());
        return people.save(person);
    }

    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        var person = person(username);
        if (!encoder.matches(currentPassword, person.passwordHash())) {
            throw new DomainException.Invalid("currentPassword", "org.person.password.wrong");
        }
        checkPassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new DomainException.Invalid("newPassword", "org.person.password.same");
        }
        person.changePasswordHash(encoder.encode(newPassword));
        people.save(person);
    }

    public Person person(String username) {
        return people.findByUsername(username)
                .orElseThrow(() -> new DomainException.NotFound("org.person.unknown", username));
    }

    public List<Department> departments() {
        return departments.findAllByOrderByKindAscCodeAsc();
    }

    /** People, optionally only those with a role and/or in a department, by username, one page. */
    public PageResult<Person> people(Role role, String departmentCode, Paging paging) {
        var where = new ArrayList<String>();
        var sql = new StringBuilder(" FROM person p");
        if (role != null) {
            where.add("EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = :role)");
        }
        if (departmentCode != null) {
            where.add("p.department_code = :dept");
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        var count = bind(jdbc.sql("SELECT COUNT(*)" + sql), role, departmentCode).query(Long.class).single();
        var ids = bind(jdbc.sql("SELECT p.id" + sql + " ORDER BY p.username LIMIT :limit OFFSET :offset"), role,
                departmentCode).param("limit", paging.size()).param("offset", paging.offset())
                .query(Long.class).list();
        var byId = people.findAllById(ids).stream().collect(Collectors.toMap(Person::id, p -> p));
        var ordered = ids.stream().map(byId::get).toList();
        return new PageResult<>(ordered, paging.page(), paging.size(), count);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Role role, String departmentCode) {
        if (role != null) {
            spec = spec.param("role", role.name());
        }
        if (departmentCode != null) {
            spec = spec.param("dept", departmentCode);
        }
        return spec;
    }

    private void checkRolesAndDepartment(Set<Role> roles, String departmentCode) {
        if (roles == null || roles.isEmpty()) {
            throw new DomainException.Invalid("roles", "org.person.roles.empty");
        }
        if (departmentCode != null && !departments.existsByCode(departmentCode)) {
            throw new DomainException.Invalid("departmentCode", "org.department.unknown", departmentCode);
        }
        if (roles.contains(Role.DEPT_HANDLER) && departmentCode == null) {
            throw new DomainException.Invalid("departmentCode", "org.person.handler.needs-department");
        }
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.chars().noneMatch(Character::isLetter)
                || password.chars().noneMatch(Character::isDigit)) {
            throw new DomainException.Invalid(field, "org.person.password.weak", MIN_PASSWORD);
        }
    }
}
