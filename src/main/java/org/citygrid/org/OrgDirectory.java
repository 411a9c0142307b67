package org.citygrid.org;

import java.util.List;
import java.util.Optional;

import org.citygrid.org.internal.DepartmentRepository;
import org.citygrid.org.internal.PersonRepository;
import org.springframework.stereotype.Service;

/** What other modules may ask the org module: departments and people by code, name and role. Read-only. */
@Service
public class OrgDirectory {

    private final DepartmentRepository departments;
    private final PersonRepository people;

    OrgDirectory(DepartmentRepository departments, PersonRepository people) {
        this.departments = departments;
        this.people = people;
    }

    public Optional<Department> department(String code) {
        return departments.findByCode(code);
    }

    public boolean departmentExists(String code) {
        return departments.existsByCode(code);
    }

    public List<Department> departments() {
        return departments.findAllByOrderByKindAscCodeAsc();
    }

    public Optional<Person> person(String username) {
        return people.findByUsername(username);
    }

    public List<Person> peopleWithRole(Role role) {
        return people.findByRole(role.name());
    }
}
