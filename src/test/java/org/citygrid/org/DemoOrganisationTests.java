package org.citygrid.org;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district's organisation, as the issue and the README promise it. */
@SpringBootTest
@AutoConfigureMockMvc // shares the Spring context of the web tests
@ActiveProfiles("demo")
class DemoOrganisationTests {

    @Autowired
    OrgDirectory org;

    @Test
    void hasTheBureauItsFiveUnitsAndAStreetOfficePerDongchengStreet() {
        var departments = org.departments();
        assertThat(departments).filteredOn(d -> "CGJ".equals(d.parentCode())).extracting(Department::name)
                .containsExactlyInAnyOrder("城市管理指挥中心", "文明创建办", "绿化环卫处", "市政管理处", "执法大队");
        assertThat(departments).filteredOn(d -> d.kind() == DepartmentKind.STREET_OFFICE).hasSize(17)
                .extracting(Department::divisionCode).allMatch(code -> code.startsWith("110101"));
    }

    @Test
    void hasAnAccountForEveryRoleAndAHandlerPerDepartment() {
        for (var role : Role.values()) {
            assertThat(org.peopleWithRole(role)).as(role.name()).isNotEmpty();
        }
        assertThat(org.peopleWithRole(Role.SUPERVISOR)).extracting(Person::username)
                .containsExactly("supervisor1", "supervisor2", "supervisor3", "supervisor4", "supervisor5");
        // Other tests in this shared context add accounts of their own; the demo's are marked as demo accounts.
        var handlers = org.peopleWithRole(Role.DEPT_HANDLER).stream().filter(Person::demoAccount).toList();
        var handled = org.departments().stream().filter(d -> d.kind() != DepartmentKind.BUREAU_UNIT)
                .map(Department::code).toList();
        assertThat(handlers).extracting(Person::departmentCode).containsExactlyInAnyOrderElementsOf(handled);
        assertThat(handlers).allSatisfy(p -> assertThat(p.username()).isEqualTo("h-" + p.departmentCode().toLowerCase()));
    }
}
