package org.citygrid.org.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citygrid.org.Department;
import org.citygrid.org.DepartmentKind;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.org.internal.Accounts;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Departments and people. Everyone signed in may list departments; people are for administrators and leaders. */
@RestController
@RequestMapping("/api/v1/org")
@Tag(name = "org", description = "Departments and people")
class OrgApi {

    private final Accounts accounts;

    OrgApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record DepartmentView(String code, String name, DepartmentKind kind, String parentCode, String divisionCode,
                          int version) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.name(), d.kind(), d.parentCode(), d.divisionCode(), d.version());
        }
    }

    record PersonView(String username, String displayName, String phone, Set<Role> roles, String departmentCode,
                      boolean enabled, int version) {
        static PersonView of(Person p) {
            return new PersonView(p.username(), p.displayName(), p.phone(), p.roles(), p.departmentCode(),
                    p.enabled(), p.version());
        }
    }

    record NewDepartmentRequest(
            @NotBlank @Size(max = 32) String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull DepartmentKind kind,
            @Size(max = 32) String parentCode,
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String divisionCode) {
    }

    record NewPersonRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 100) String displayName,
            @Pattern(regexp = "[0-9+\\- ]{3,32}") String phone,
            @Size(max = 32) String departmentCode,
            @NotEmpty Set<Role> roles,
            @NotBlank @Size(max = 128) String password) {
    }

    record PersonChangeRequest(
            @NotNull Integer version,
            @NotBlank @Size(max = 100) String displayName,
            @Pattern(regexp = "[0-9+\\- ]{3,32}") String phone,
            @Size(max = 32) String departmentCode,
            @NotEmpty Set<Role> roles,
            @NotNull Boolean enabled) {
    }

    @GetMapping("/departments")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "All departments: bureau units, professional departments, street offices")
    List<DepartmentView> departments() {
        return accounts.departments().stream().map(DepartmentView::of).toList();
    }

    @PostMapping("/departments")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a department (ADMIN)")
    ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody NewDepartmentRequest r) {
        var d = accounts.createDepartment(new Accounts.NewDepartment(r.code(), r.name(), r.kind(), r.parentCode(),
                r.divisionCode()));
        return ResponseEntity.created(URI.create("/api/v1/org/departments/" + d.code())).body(DepartmentView.of(d));
    }

    @GetMapping("/people")
    @PreAuthorize("hasAnyRole('ADMIN','LEADER')")
    @Operation(summary = "People, filtered by role and department, paged (ADMIN, LEADER)")
    PageResult<PersonView> people(@RequestParam(required = false) Role role,
                                  @RequestParam(required = false) String departmentCode,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return accounts.people(role, departmentCode, Paging.of(page, size)).map(PersonView::of);
    }

    @GetMapping("/people/{username}")
    @PreAuthorize("hasAnyRole('ADMIN','LEADER')")
    PersonView person(@PathVariable String username) {
        return PersonView.of(accounts.person(username));
    }

    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an account (ADMIN)")
    ResponseEntity<PersonView> createPerson(@Valid @RequestBody NewPersonRequest r) {
        var p = accounts.createPerson(new Accounts.NewPerson(r.username(), r.displayName(), r.phone(),
                r.departmentCode(), r.roles(), r.password()), false);
        return ResponseEntity.created(URI.create("/api/v1/org/people/" + p.username())).body(PersonView.of(p));
    }

    @PutMapping("/people/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change an account (ADMIN); a stale version gives 409")
    PersonView updatePerson(@PathVariable String username, @Valid @RequestBody PersonChangeRequest r) {
        return PersonView.of(accounts.updatePerson(username, new Accounts.PersonChange(r.version(), r.displayName(),
                r.phone(), r.departmentCode(), r.roles(), r.enabled())));
    }
}
