package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.cases.CaseFixtures.*;

import java.util.concurrent.ThreadLocalRandom;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.internal.CaseRepository;
import org.citygrid.cases.internal.routing.RoutingRule;
import org.citygrid.cases.internal.routing.RoutingRuleRepository;
import org.citygrid.cases.internal.routing.RoutingRules;
import org.citygrid.catalog.ClassKind;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;

/** Routing's persistence rules: rules and the component a case names; run on H2 and on PostgreSQL. */
@SpringBootTest
abstract class RoutingPersistenceContract {

    @Autowired
    RoutingRules rules;
    @Autowired
    RoutingRuleRepository repository;
    @Autowired
    CaseRepository cases;

    @AfterEach
    void removeRules() {
        repository.deleteAll();
    }

    private RoutingRule stored(ClassKind kind, String classCode, String region, boolean enabled) {
        // no demo organisation or geography here: the repository stores what the service would have checked
        return repository.save(RoutingRule.create(new RoutingRule.Settings(kind, classCode, region, "water", 42, true,
                enabled)));
    }

    @Test
    void storesARuleWithEveryFieldAndReadsItBack() {
        var saved = repository.findById(stored(ClassKind.MATTER, "01001", "110101001", true).id()).orElseThrow();

        assertThat(saved.kind()).isEqualTo(ClassKind.MATTER);
        assertThat(saved.classCode()).isEqualTo("01001");
        assertThat(saved.regionCode()).isEqualTo("110101001");
        assertThat(saved.departmentCode()).isEqualTo("water");
        assertThat(saved.priority()).isEqualTo(42);
        assertThat(saved.autoDispatch()).isTrue();
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.version()).isEqualTo(1);
    }

    @Test
    void aRuleForAnyClassAnywhereKeepsItsEmptyFieldsEmpty() {
        var saved = repository.findById(stored(null, null, null, true).id()).orElseThrow();

        assertThat(saved.kind()).isNull();
        assertThat(saved.classCode()).isNull();
        assertThat(saved.regionCode()).isNull();
    }

    @Test
    void onlyEnabledRulesReachThePolicy() {
        var on = stored(null, null, null, true);
        stored(null, null, null, false);

        assertThat(rules.enabled()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(on.id()));
        assertThat(rules.list()).hasSize(2);
    }

    @Test
    void theSecondOfTwoWritersOfTheSameVersionLoses() {
        long id = stored(null, null, null, true).id();
        var first = repository.findById(id).orElseThrow();
        var second = repository.findById(id).orElseThrow();
        repository.save(first);

        assertThatThrownBy(() -> repository.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> rules.delete(id, 1)).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void aCaseKeepsTheComponentItNames() {
        var report = new NewReport(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001",
                new Limit(2, TimeUnit.WORK_HOURS), false, false, 116.4039, 39.9151, GRID, null, "井盖破损", null, null,
                null, "11010101001000123");
        var no = "R" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
        var saved = cases.save(Case.report(report, SUPERVISOR, no, monday(9, 0), CLOCKS));

        assertThat(cases.findById(saved.id().value()).orElseThrow().componentId()).isEqualTo("11010101001000123");
    }
}
