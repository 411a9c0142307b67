package org.citygrid.org;

import java.util.EnumSet;
import java.util.UUID;

import org.citygrid.org.internal.Accounts;
import org.citygrid.org.internal.PersonRepository;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The org module's persistence rules; run on H2 and on PostgreSQL by the two subclasses. */
@SpringBootTest
abstract class OrgPersistenceContract {

    @Autowired
    Accounts accounts;
    @Autowired
    PersonRepository people;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private Department department() {
        return accounts.createDepartment(new Accounts.NewDepartment(unique("d"), "测试部门", DepartmentKind.PROFESSIONAL,
                null, null));
    }

    @Test
    void storesAPersonWithSeveralRolesAndReadsThemBack() {
        var dept = department();
        var name = unique("p");
        accounts.createPerson(new Accounts.NewPerson(name, "张三", "13800000000", dept.code(),
                EnumSet.of(Role.OPERATOR, Role.SHIFT_LEAD), "Secret123"), false);

        var loaded = accounts.person(name);
        assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.SHIFT_LEAD);
        assertThat(loaded.departmentCode()).isEqualTo(dept.code());
        assertThat(loaded.displayName()).isEqualTo("张三");
        assertThat(loaded.passwordHash()).startsWith("{bcrypt}").doesNotContain("Secret123");
    }

    @Test
    void findsPeopleByRoleAndDepartmentOnePageAtATime() {
        var dept = department();
        for (int i = 0; i < 5; i++) {
            accounts.createPerson(new Accounts.NewPerson(unique("h" + i), "处置员" + i, null, dept.code(),
                    EnumSet.of(Role.DEPT_HANDLER), "Secret123"), false);
        }
        var firstPage = accounts.people(Role.DEPT_HANDLER, dept.code(), new Paging(0, 2));
        var lastPage = accounts.people(Role.DEPT_HANDLER, dept.code(), new Paging(2, 2));

        assertThat(firstPage.total()).isEqualTo(5);
        assertThat(firstPage.items()).hasSize(2);
        assertThat(lastPage.items()).hasSize(1);
        assertThat(firstPage.items().get(0).username()).isLessThan(firstPage.items().get(1).username());
        assertThat(accounts.people(Role.LEADER, dept.code(), new Paging(0, 10)).total()).isZero();
    }

    @Test
    void aStaleVersionIsRejectedAndChangesNothing() {
        var dept = department();
        var name = unique("p");
        var created = accounts.createPerson(new Accounts.NewPerson(name, "李四", null, dept.code(),
                EnumSet.of(Role.OPERATOR), "Secret123"), false);
        accounts.updatePerson(name, new Accounts.PersonChange(created.version(), "李四（改）", null, dept.code(),
                EnumSet.of(Role.OPERATOR), true));

        assertThatThrownBy(() -> accounts.updatePerson(name, new Accounts.PersonChange(created.version(), "过期的修改",
                null, dept.code(), EnumSet.of(Role.ADMIN), true)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> accounts.updatePerson(name, new Accounts.PersonChange(0, "版本零", null,
                dept.code(), EnumSet.of(Role.ADMIN), true)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        var current = accounts.person(name);
        assertThat(current.displayName()).isEqualTo("李四（改）");
        assertThat(current.roles()).containsExactly(Role.OPERATOR);
    }

    @Test
    void reservesTheNamesThePlatformActsUnder() {
        for (var reserved : java.util.List.of(Person.SYSTEM_USERNAME, Person.PORTAL_USERNAME)) {
            assertThatThrownBy(() -> accounts.createPerson(new Accounts.NewPerson(reserved, "系统", null,
                    null, EnumSet.of(Role.LEADER), "Secret123"), false))
                    .isInstanceOf(DomainException.Invalid.class);
            assertThat(people.existsByUsername(reserved)).isFalse();
        }
    }

    @Test
    void rejectsADuplicateUsername() {
        var name = unique("p");
        accounts.createPerson(new Accounts.NewPerson(name, "王五", null, null, EnumSet.of(Role.LEADER), "Secret123"),
                false);
        assertThatThrownBy(() -> accounts.createPerson(new Accounts.NewPerson(name, "王五", null, null,
                EnumSet.of(Role.LEADER), "Secret123"), false))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void rejectsAHandlerWithoutDepartmentAndSavesNothing() {
        var name = unique("p");
        assertThatThrownBy(() -> accounts.createPerson(new Accounts.NewPerson(name, "赵六", null, null,
                EnumSet.of(Role.DEPT_HANDLER), "Secret123"), false))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(people.existsByUsername(name)).isFalse();
    }

    @Test
    void changingThePasswordClearsTheDemoMark() {
        var name = unique("p");
        accounts.createPerson(new Accounts.NewPerson(name, "演示", null, null, EnumSet.of(Role.LEADER), "Demo@2026"),
                true);
        assertThat(people.findEnabledDemoUsernames()).contains(name);

        accounts.changePassword(name, "Demo@2026", "Better4you");

        assertThat(people.findEnabledDemoUsernames()).doesNotContain(name);
        assertThatThrownBy(() -> accounts.changePassword(name, "Demo@2026", "Other4you"))
                .isInstanceOf(DomainException.Invalid.class);
    }
}
