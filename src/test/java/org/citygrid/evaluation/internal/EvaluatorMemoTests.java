package org.citygrid.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Stage;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The evaluator keeps a finished period's read and counts it again for the same instant, keeps no read of a running
 * period, and never serves a kept read that a case recorded at or before its instant has made stale.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
class EvaluatorMemoTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2034, 2, 1);
    private static final LocalDate TO = LocalDate.of(2034, 3, 1);

    @Autowired
    Evaluator evaluator;
    @Autowired
    RecentFacts recent;
    @Autowired
    Cases cases;
    @Autowired
    MutableClock clock;

    private int reportedBySupervisor1(java.time.Instant asOf) {
        var row = evaluator.evaluate(Report.Subject.SUPERVISORS, null, FROM, TO, asOf).row("supervisor1");
        return row == null ? 0 : ((Number) row.figures().get("reported")).intValue();
    }

    private void reportAt(LocalDateTime t) {
        clock.set(t.atZone(ZONE).toInstant());
        cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039, 39.9151, null,
                null, "井盖破损", false, null, null, null), Actor.of("supervisor1", null, Role.SUPERVISOR));
    }

    @Test
    void aFinishedPeriodIsKeptAndACaseRecordedBeforeItsInstantIsCounted() {
        var asOf = TO.plusDays(5).atStartOfDay(ZONE).toInstant();
        var start = FROM.atStartOfDay(ZONE).toInstant();
        var end = TO.atStartOfDay(ZONE).toInstant();
        var key = new RecentFacts.Key(start, end, asOf);

        int before = reportedBySupervisor1(asOf);
        assertThat(recent.get(key, EnumSet.of(Stage.VERIFY, Stage.CHECK))).as("kept").isNotNull();

        // a case recorded (with a clock set back) inside the period, before the kept instant: not served stale
        reportAt(LocalDateTime.of(2034, 2, 10, 9, 0));
        assertThat(recent.get(key, EnumSet.of(Stage.VERIFY, Stage.CHECK))).isNull();
        assertThat(reportedBySupervisor1(asOf)).isEqualTo(before + 1);

        assertThat(recent.get(key, EnumSet.of(Stage.VERIFY, Stage.CHECK))).isNotNull();

        // older than the maximum age (10 minutes of the clock): read again
        clock.set(asOf.plusSeconds(60));
        assertThat(recent.get(key, EnumSet.of(Stage.VERIFY, Stage.CHECK))).as("expired").isNull();
        assertThat(reportedBySupervisor1(asOf)).isEqualTo(before + 1);

        // a case recorded after the kept instant leaves the read as it was, and it is not counted as of that instant
        reportAt(LocalDateTime.ofInstant(asOf.plusSeconds(120), ZONE));
        assertThat(recent.get(key, EnumSet.of(Stage.VERIFY, Stage.CHECK))).isNotNull();
        assertThat(reportedBySupervisor1(asOf)).isEqualTo(before + 1);
    }

    @Test
    void aRunningPeriodIsNotKept() {
        clock.set(LocalDateTime.of(2034, 2, 15, 12, 0).atZone(ZONE).toInstant());
        evaluator.evaluate(Report.Subject.SUPERVISORS, null, FROM, TO, null);
        var key = new RecentFacts.Key(FROM.atStartOfDay(ZONE).toInstant(), TO.atStartOfDay(ZONE).toInstant(),
                clock.instant());
        assertThat(recent.get(key, EnumSet.noneOf(Stage.class))).isNull();
        clock.advance(Duration.ofMinutes(1));
    }
}
