package org.citygrid.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.HandleLimitSource;
import org.citygrid.org.DepartmentKind;
import org.citygrid.org.internal.Accounts;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's persistence rules; run on H2 and on PostgreSQL by the two subclasses. Each test changes its own
 * classes, because the test contexts (and their database) are shared between test classes.
 */
@SpringBootTest
abstract class CatalogPersistenceContract {

    @Autowired
    Catalog catalog;
    @Autowired
    CatalogAdministration administration;
    @Autowired
    CaseClassRepository repository;
    @Autowired
    CatalogSeeder seeder;
    @Autowired
    CatalogReadModel readModel;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    private long count(ClassKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM case_class WHERE kind = :kind").param("kind", kind.name())
                .query(Long.class).single();
    }

    private String department() {
        var code = "d" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createDepartment(new Accounts.NewDepartment(code, "测试部门", DepartmentKind.PROFESSIONAL, null, null));
        return code;
    }

    @Test
    void startUpSeedsTheWholeDirectoryOnce() {
        assertThat(count(ClassKind.COMPONENT)).isEqualTo(153);
        assertThat(count(ClassKind.MATTER)).isEqualTo(250);
        Integer insertedAgain = transaction.execute(s -> seeder.insertMissing(new DirectorySeed(ReferenceData.load())));
        assertThat(insertedAgain).isZero();
        assertThat(count(ClassKind.COMPONENT) + count(ClassKind.MATTER)).isEqualTo(403);
    }

    @Test
    void aClassChangedThroughAnotherNodeIsReadOnceTheStampIsChecked() {
        var before = catalog.find(ClassKind.MATTER, "06003").orElseThrow().name();
        var rename = "UPDATE case_class SET name = :name, version = version + 1 WHERE kind = 'MATTER' AND code = '06003'";
        try {
            // what an administrator's edit through another node leaves in the shared database
            jdbc.sql(rename).param("name", "另一节点改名").update();
            readModel.refreshIfChanged();
            assertThat(catalog.find(ClassKind.MATTER, "06003").orElseThrow().name()).isEqualTo("另一节点改名");
        } finally {
            jdbc.sql(rename).param("name", before).update();
            readModel.refreshIfChanged();
        }
        assertThat(catalog.find(ClassKind.MATTER, "06003").orElseThrow().name()).isEqualTo(before);
    }

    @Test
    void readsBackAStoredClassWithItsLimitAndLegacyCodes() {
        var stored = repository.findByKindAndCode(ClassKind.MATTER, "06001").orElseThrow();
        assertThat(stored.name()).isEqualTo("私搭乱建");
        assertThat(stored.handleLimit()).isEqualTo(new HandleLimit(4, TimeUnit.WORK_HOURS));
        assertThat(stored.handleLimitSource()).isEqualTo(HandleLimitSource.STANDARD);
        assertThat(stored.legacyCodes()).containsExactly("0101");
        assertThat(repository.findByKindAndCode(ClassKind.COMPONENT, "01001").orElseThrow().legacyCodes())
                .containsExactly("0101");
    }

    @Test
    void twoNodesSeedingAtOnceInsertAMissingClassOnlyOnce() throws InterruptedException {
        jdbc.sql("DELETE FROM case_class WHERE kind = 'MATTER' AND code = '10002'").update();
        var start = new CountDownLatch(1);
        var inserted = new CopyOnWriteArrayList<Integer>();
        var errors = new CopyOnWriteArrayList<Throwable>();
        var nodes = new ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            nodes.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    inserted.add(transaction.execute(s -> seeder.insertMissing(
                            new DirectorySeed(ReferenceData.load()))));
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        start.countDown();
        for (var node : nodes) {
            node.join();
        }
        readModel.reload();

        assertThat(errors).isEmpty();
        assertThat(inserted).containsExactlyInAnyOrder(1, 0);
        assertThat(count(ClassKind.MATTER)).isEqualTo(250);
        assertThat(catalog.find(ClassKind.MATTER, "10002").orElseThrow().name()).isEqualTo("架空线缆脱落");
    }

    @Test
    void anAdministratorsLimitIsStoredAsLocalAndServedFromMemory() {
        var before = catalog.get(ClassKind.MATTER, "08016");
        var changed = administration.changeHandleLimit(ClassKind.MATTER, "08016",
                new HandleLimit(3, TimeUnit.WORK_DAYS), before.version());

        assertThat(changed.version()).isEqualTo(before.version() + 1);
        var served = catalog.get(ClassKind.MATTER, "08016");
        assertThat(served.handleLimit()).isEqualTo(new HandleLimit(3, TimeUnit.WORK_DAYS));
        assertThat(served.handleLimitSource()).isEqualTo(HandleLimitSource.LOCAL);
        assertThat(repository.findByKindAndCode(ClassKind.MATTER, "08016").orElseThrow().handleLimit())
                .isEqualTo(new HandleLimit(3, TimeUnit.WORK_DAYS));
    }

    @Test
    void settingTheLimitAClassAlreadyHasKeepsItsSource() {
        var standard = catalog.get(ClassKind.MATTER, "06025");
        var same = administration.changeHandleLimit(ClassKind.MATTER, "06025", standard.handleLimit(), null);
        assertThat(same.handleLimitSource()).isEqualTo(HandleLimitSource.STANDARD);
        assertThat(same.handleLimitBasis()).isEqualTo(standard.handleLimitBasis());
    }

    @Test
    void aStaleVersionIsRejectedAndChangesNothing() {
        var before = catalog.get(ClassKind.MATTER, "08015");
        administration.changeHandleLimit(ClassKind.MATTER, "08015", new HandleLimit(2, TimeUnit.WORK_DAYS),
                before.version());

        assertThatThrownBy(() -> administration.changeSettings(ClassKind.MATTER, "08015",
                new CatalogAdministration.Settings(null, true, "过期", null, 80), before.version()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        var current = repository.findByKindAndCode(ClassKind.MATTER, "08015").orElseThrow();
        assertThat(current.urgent()).isFalse();
        assertThat(current.duplicateRadiusMeters()).isEqualTo(50);
        assertThat(catalog.get(ClassKind.MATTER, "08015").urgent()).isFalse();
    }

    @Test
    void aChangeBetweenReadAndWriteIsCaughtByTheVersion() {
        var first = repository.findByKindAndCode(ClassKind.MATTER, "08014").orElseThrow();
        var second = repository.findByKindAndCode(ClassKind.MATTER, "08014").orElseThrow();
        first.changeHandleLimit(new HandleLimit(2, TimeUnit.WORK_DAYS));
        repository.save(first);
        second.changeHandleLimit(new HandleLimit(3, TimeUnit.WORK_DAYS));

        assertThatThrownBy(() -> repository.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(repository.findByKindAndCode(ClassKind.MATTER, "08014").orElseThrow().handleLimit())
                .isEqualTo(new HandleLimit(2, TimeUnit.WORK_DAYS));
    }

    @Test
    void storesTheSettingsOfAClassWithAnExistingDepartment() {
        var dept = department();
        var before = catalog.get(ClassKind.COMPONENT, "02044");
        administration.changeSettings(ClassKind.COMPONENT, "02044", new CatalogAdministration.Settings(dept, true,
                " 隧道照明设施损坏 ", "修复完毕", 120), before.version());

        var stored = repository.findByKindAndCode(ClassKind.COMPONENT, "02044").orElseThrow();
        assertThat(stored.defaultDepartmentCode()).isEqualTo(dept);
        assertThat(stored.urgent()).isTrue();
        assertThat(stored.filingCriteria()).isEqualTo("隧道照明设施损坏");
        assertThat(stored.closingCriteria()).isEqualTo("修复完毕");
        assertThat(stored.duplicateRadiusMeters()).isEqualTo(120);
        assertThat(catalog.duplicateRadiusMeters(ClassKind.COMPONENT, "02044")).isEqualTo(120);
    }

    @Test
    void rejectsAnUnknownDepartmentAndSavesNothing() {
        var before = catalog.get(ClassKind.COMPONENT, "02043");
        assertThatThrownBy(() -> administration.changeSettings(ClassKind.COMPONENT, "02043",
                new CatalogAdministration.Settings("no-such-dept", true, null, null, 50), before.version()))
                .isInstanceOf(DomainException.Invalid.class);
        var stored = repository.findByKindAndCode(ClassKind.COMPONENT, "02043").orElseThrow();
        assertThat(stored.defaultDepartmentCode()).isNull();
        assertThat(stored.urgent()).isFalse();
        assertThat(stored.version()).isEqualTo(before.version());
    }

    @Test
    void findsAClassByItsLegacyCodeWithinTheKind() {
        assertThat(catalog.byLegacyCode(ClassKind.COMPONENT, "0118")).map(c -> c.code()).contains("01037");
        assertThat(catalog.byLegacyCode(ClassKind.MATTER, "0118")).map(c -> c.code()).contains("06038");
        assertThat(catalog.byLegacyCode(ClassKind.COMPONENT, "0117")).isEmpty();
    }

    @Test
    void searchesByChineseOrEnglishNameAndCodePrefix() {
        List<String> byZh = catalog.search(ClassKind.COMPONENT, "井盖").stream().map(c -> c.code()).toList();
        assertThat(byZh).hasSize(20).contains("01001", "01018").doesNotContain("01024");
        assertThat(catalog.search(null, "street LAMP")).extracting(c -> c.kind() + " " + c.code())
                .containsExactly("COMPONENT 01037", "MATTER 01037");
        assertThat(catalog.search(ClassKind.MATTER, "10")).extracting(c -> c.code())
                .containsExactly("10001", "10002");
    }
}
