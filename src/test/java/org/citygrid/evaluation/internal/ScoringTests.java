package org.citygrid.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Test;

/** The arithmetic of EVALUATION.md without Spring: count tables at their bounds, grades, rates and renormalisation. */
class ScoringTests {

    private final Settings defaults = Settings.defaultSettings();

    private BigDecimal table(String name, String x) {
        return defaults.table(name, new BigDecimal(x));
    }

    @Test
    void countTablesScoreAtTheirBoundsAsTheDocumentSays() {
        assertThat(table("department.volume", "0")).isEqualByComparingTo("100");
        assertThat(table("department.volume", "50")).isEqualByComparingTo("100");
        assertThat(table("department.volume", "51")).isEqualByComparingTo("90");
        assertThat(table("department.volume", "1000")).isEqualByComparingTo("40");
        assertThat(table("department.volume", "1001")).isEqualByComparingTo("0");
        assertThat(table("position.volume", "100")).isEqualByComparingTo("0");
        assertThat(table("position.volume", "101")).isEqualByComparingTo("40");
        assertThat(table("position.volume", "2000")).isEqualByComparingTo("90");
        assertThat(table("position.volume", "2001")).isEqualByComparingTo("100");
        assertThat(table("region.density", "0")).isEqualByComparingTo("100");
        assertThat(table("region.density", "0.01")).isEqualByComparingTo("90");
        assertThat(table("region.density", "8.00")).isEqualByComparingTo("40");
        assertThat(table("region.density", "8.01")).isEqualByComparingTo("0");
    }

    @Test
    void gradesUseTheRoundedScore() {
        assertThat(defaults.grade(new BigDecimal("90.00"))).isEqualTo("A");
        assertThat(defaults.grade(new BigDecimal("89.99"))).isEqualTo("B");
        assertThat(defaults.grade(new BigDecimal("60"))).isEqualTo("C");
        assertThat(defaults.grade(new BigDecimal("40"))).isEqualTo("D");
        assertThat(defaults.grade(new BigDecimal("39.99"))).isEqualTo("E");
        assertThat(defaults.grade(null)).isNull();
    }

    @Test
    void ratesAreNullForAZeroDenominatorAndScoresRenormaliseTheRest() {
        assertThat(Tally.rate(1, 0)).isNull();
        assertThat(Tally.rate(2, 3)).isEqualByComparingTo("66.67");
        assertThat(Tally.score(new int[] {10, 30, 30, 30}, new BigDecimal("100"), null, new BigDecimal("50"), null))
                .isEqualByComparingTo("62.50");
        assertThat(Tally.score(new int[] {50, 50}, null, null)).isNull();
        assertThat(Tally.complement(null)).isNull();
    }

    @Test
    void malformedSettingsAreRefusedNamingTheSetting() {
        for (var bad : Map.of("department.weights", "50,50", "grades", "40,60,75,90", "minimumSample", "-1",
                "region.density", "0:100,2:90", "position.volume", "*:1,5:3").entrySet()) {
            assertThatThrownBy(() -> Settings.check(bad.getKey(), bad.getValue()))
                    .isInstanceOfSatisfying(DomainException.Invalid.class,
                            e -> assertThat(e.field()).isEqualTo(bad.getKey()));
        }
        Settings.check("department.weights", "25,25,25,25");
        assertThat(new Settings(Map.of("minimumSample", "3")).minimumSample()).isEqualTo(3);
    }

    @Test
    void anAsOfBeforeThePeriodsEndIsRefusedAndAnOpenPeriodIsPartial() {
        var zone = ZoneId.of("Asia/Shanghai");
        var from = LocalDate.of(2024, 3, 1);
        var to = LocalDate.of(2024, 4, 1);
        assertThatThrownBy(() -> Period.of(from, to, Instant.parse("2024-03-31T00:00:00Z"), Instant.now(), zone))
                .isInstanceOf(DomainException.BadRequest.class);
        assertThatThrownBy(() -> Period.of(to, from, null, Instant.now(), zone))
                .isInstanceOf(DomainException.BadRequest.class);
        var now = Instant.parse("2024-03-15T00:00:00Z");
        assertThat(Period.of(from, to, null, now, zone).partial()).isTrue();
        assertThat(Period.of(from, to, null, now, zone).contains(Instant.parse("2024-03-20T00:00:00Z"))).isFalse();
    }
}
