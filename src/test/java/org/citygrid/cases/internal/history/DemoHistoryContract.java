package org.citygrid.cases.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;

import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SYNTHETIC demo history, loaded at start-up of a demo context (1,500 cases over four months before a fixed now,
 * not in the background) through the legacy import; on H2 and on PostgreSQL by the two subclasses.
 */
@SpringBootTest(properties = {"citygrid.demo.history.count=1500", "citygrid.demo.history.in-background=false",
        "citygrid.demo.history.batch-lines=400"})
@ActiveProfiles("demo")
@Import(DemoHistoryContract.TestTime.class)
abstract class DemoHistoryContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Friday, 10:00 in Beijing. */
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final long SEED = 20261127L;

    @TestConfiguration
    static class TestTime {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW, ZONE);
        }
    }

    @Autowired
    DemoHistory history;
    @Autowired
    CaseImport imports;
    @Autowired
    JdbcClient jdbc;

    private String demo() {
        return DemoHistory.PREFIX + "%";
    }

    @Test
    void everyGeneratedLineWasImportedAtStartUpWithoutErrors() {
        var lines = history.generate(SEED).lines();
        assertThat(lines).hasSizeBetween(1400, 1500);
        long stored = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE external_id LIKE ?").param(demo())
                .query(Long.class).single();
        assertThat(stored).isEqualTo(lines.size());
    }

    @Test
    void loadingAgainImportsNothing() {
        assertThat(history.present()).isTrue();
        assertThat(history.load()).isNull();
        var again = history.importHistory(history.generate(SEED));
        assertThat(again.imported()).isZero();
        assertThat(again.errors()).isZero();
        assertThat(again.skipped()).isEqualTo(again.lines());
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        var a = history.generate(SEED);
        var b = history.generate(SEED);
        assertThat(b.lines()).isEqualTo(a.lines());
        assertThat(b.counts()).isEqualTo(a.counts());
        assertThat(history.generate(SEED + 1).lines()).isNotEqualTo(a.lines());
    }

    @Test
    void everyCaseLiesInAUnitGridOfTheDemoDistrictAndIsLabelledSynthetic() {
        var outside = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE external_id LIKE ? AND (grid_code IS NULL "
                + "OR district_code <> '110101' OR description NOT LIKE ?)").params(demo(), "%SYNTHETIC%")
                .query(Long.class).single();
        assertThat(outside).isZero();
    }

    @Test
    void theHistoryCoversEverySidePathOfTheWorkflow() {
        var actions = new HashSet<>(jdbc.sql("SELECT DISTINCT t.action FROM case_timeline t JOIN case_file c ON "
                + "c.id = t.case_id WHERE c.external_id LIKE ?").param(demo()).query(String.class).list());
        assertThat(actions).contains("REPORT", "ACCEPT", "SEND_VERIFY", "VERIFY", "FILE", "REJECT", "MERGE",
                "DISPATCH", "RECEIVE", "REQUEST_RETURN", "APPROVE_RETURN", "DENY_RETURN", "REQUEST_EXTENSION",
                "APPROVE_EXTENSION", "DENY_EXTENSION", "REQUEST_PARK", "APPROVE_PARK", "RESUME", "FEEDBACK",
                "SEND_CHECK", "CHECK", "CLOSE", "REQUEST_VOID", "APPROVE_VOID", "URGE");
        // verified not found, failed check (rework), self-handled and closed, redispatched after a return
        assertThat(count("SELECT COUNT(*) FROM case_timeline t JOIN case_file c ON c.id = t.case_id WHERE "
                + "c.external_id LIKE ? AND t.action = 'VERIFY' AND t.to_status = 'NOT_FILED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM case_timeline t JOIN case_file c ON c.id = t.case_id WHERE "
                + "c.external_id LIKE ? AND t.action = 'CHECK' AND t.to_status = 'IN_PROGRESS'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM case_file WHERE external_id LIKE ? AND self_handled = TRUE "
                + "AND status = 'CLOSED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM case_assignment a JOIN case_file c ON c.id = a.case_id WHERE "
                + "c.external_id LIKE ? AND a.outcome = 'RETURNED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM case_file WHERE external_id LIKE ? AND parent_id IS NOT NULL"))
                .isPositive();
    }

    @Test
    void someCasesRanOverTheirHandleLimitAndSomeStillDo() {
        long lateClosed = count("SELECT COUNT(*) FROM case_stage s JOIN case_file c ON c.id = s.case_id WHERE "
                + "c.external_id LIKE ? AND s.stage = 'HANDLE' AND s.ended_at > s.deadline");
        long onTime = count("SELECT COUNT(*) FROM case_stage s JOIN case_file c ON c.id = s.case_id WHERE "
                + "c.external_id LIKE ? AND s.stage = 'HANDLE' AND s.ended_at <= s.deadline");
        long overdueOpen = jdbc.sql("SELECT COUNT(*) FROM case_stage s JOIN case_file c ON c.id = s.case_id WHERE "
                        + "c.external_id LIKE ? AND s.stage = 'HANDLE' AND s.ended_at IS NULL AND s.paused_at IS NULL "
                        + "AND s.deadline < ?")
                .params(demo(), java.sql.Timestamp.from(NOW)).query(Long.class).single();
        assertThat(lateClosed).isPositive();
        assertThat(overdueOpen).isPositive();
        // most work is done in time
        System.out.println("HANDLE on time " + onTime + ", late " + lateClosed + ", open overdue " + overdueOpen);
        assertThat(onTime).isGreaterThan(3 * lateClosed);
    }

    @Test
    void casesAreLeftOpenInEveryStage() {
        var open = new HashSet<>(jdbc.sql("SELECT DISTINCT status FROM case_file WHERE external_id LIKE ?")
                .param(demo()).query(String.class).list());
        assertThat(open).contains("REPORTED", "PENDING_VERIFY", "PENDING_FILING", "PENDING_DISPATCH", "DISPATCHED",
                "IN_PROGRESS", "PARKED", "PENDING_CHECK", "PENDING_CLOSE", "CLOSED", "NOT_FILED", "VOIDED");
    }

    @Test
    void arrivalsPeakInTheDayAndOnWorkingDaysAndSpreadOverClassesAndChannels() {
        var times = jdbc.sql("SELECT reported_at FROM case_file WHERE external_id LIKE ?").param(demo())
                .query(java.sql.Timestamp.class).list();
        int day = 0;
        int night = 0;
        int weekend = 0;
        for (var t : times) {
            var local = t.toInstant().atZone(ZONE);
            int h = local.getHour();
            day += h >= 9 && h < 17 ? 1 : 0;
            night += h < 6 ? 1 : 0;
            weekend += local.getDayOfWeek().getValue() >= 6 ? 1 : 0;
        }
        assertThat(day).isGreaterThan(10 * night);
        // 2 of 7 days, at about 60 % of a working day's volume: well under 2/7 of all cases
        assertThat((double) weekend / times.size()).isBetween(0.10, 0.25);
        long first = count("SELECT COUNT(*) FROM case_file WHERE external_id LIKE ? AND reported_at < "
                + "TIMESTAMP '2026-08-01 00:00:00'");
        assertThat(first).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT class_code) FROM case_file WHERE external_id LIKE ?"))
                .isGreaterThanOrEqualTo(25);
        var channels = jdbc.sql("SELECT DISTINCT channel FROM case_file WHERE external_id LIKE ?").param(demo())
                .query(String.class).list();
        assertThat(channels).containsExactlyInAnyOrder("SUPERVISOR", "HOTLINE", "PORTAL");
        long supervisor = count("SELECT COUNT(*) FROM case_file WHERE external_id LIKE ? AND channel = 'SUPERVISOR'");
        assertThat((double) supervisor / times.size()).isBetween(0.6, 0.8);
    }

    @Test
    void generatorCountsAgreeWithTheDatabase() {
        var counts = history.generate(SEED).counts();
        assertThat(counts).containsKeys("self-handled", "merge", "check:failed", "verify:failed", "open");
        assertThat((long) counts.get("merge")).isEqualTo(count(
                "SELECT COUNT(*) FROM case_file WHERE external_id LIKE ? AND parent_id IS NOT NULL"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(demo()).query(Long.class).single();
    }
}
