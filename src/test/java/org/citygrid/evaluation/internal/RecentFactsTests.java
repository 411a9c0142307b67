package org.citygrid.evaluation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseId;
import org.citygrid.cases.CaseReported;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.Stage;
import org.citygrid.catalog.ClassKind;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The memo of recent fact reads: what it serves, and every way a kept read is dropped. */
class RecentFactsTests {

    private static final Instant START = Instant.parse("2026-09-30T16:00:00Z");
    private static final Instant END = Instant.parse("2026-10-31T16:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-05T02:00:00Z"), ZoneOffset.UTC);
    private final RecentFacts recent = new RecentFacts(clock, Duration.ofMinutes(10));
    private final RecentFacts.Key key = new RecentFacts.Key(START, END, clock.instant());

    /** A distinct list per read (identity tells which read served). */
    private static List<History> read() {
        return new ArrayList<>();
    }

    @Test
    void aReadServesTheSamePeriodAndInstantForTheStagesItRead() {
        var handle = read();
        recent.put(key, EnumSet.of(Stage.HANDLE), handle);
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).isSameAs(handle);
        assertThat(recent.get(key, EnumSet.noneOf(Stage.class))).isSameAs(handle);
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE, Stage.VERIFY))).as("a stage not read").isNull();
        assertThat(recent.get(new RecentFacts.Key(START, END, clock.instant().plusSeconds(1)),
                EnumSet.of(Stage.HANDLE))).as("another instant").isNull();

        var more = read();
        recent.put(key, EnumSet.of(Stage.HANDLE, Stage.VERIFY), more);
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).as("the wider read replaces the narrower").isSameAs(more);
    }

    @Test
    void readsOlderThanTheMaximumAgeAreNotServed() {
        recent.put(key, EnumSet.of(Stage.HANDLE), read());
        clock.advance(Duration.ofMinutes(10));
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).isNull();
        assertThat(recent.size()).isZero();
    }

    @Test
    void onlyTheLeastRecentlyUsedReadsBeyondCapacityGo() {
        var first = read();
        recent.put(key, EnumSet.of(Stage.HANDLE), first);
        var other = new RecentFacts.Key(START.minus(Duration.ofDays(30)), START, clock.instant());
        recent.put(other, EnumSet.of(Stage.HANDLE), read());
        recent.get(key, EnumSet.of(Stage.HANDLE)); // used again: the other one is now the eldest
        recent.put(new RecentFacts.Key(END, END.plus(Duration.ofDays(30)), clock.instant()), EnumSet.of(Stage.HANDLE),
                read());
        assertThat(recent.size()).isEqualTo(RecentFacts.CAPACITY);
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).isSameAs(first);
        assertThat(recent.get(other, EnumSet.of(Stage.HANDLE))).isNull();
    }

    @Test
    void aCaseEventAtOrBeforeAKeptInstantDropsItAndALaterOneDoesNot() {
        recent.put(key, EnumSet.of(Stage.HANDLE), read());
        recent.on(new CaseReported(new CaseId(1), "X", ClassKind.COMPONENT, "01001", "g", key.asOf().plusMillis(1)));
        recent.on(new CaseTransitioned(new CaseId(1), CaseAction.FILE, CaseStatus.PENDING_FILING, CaseStatus.PENDING_DISPATCH,
                key.asOf().plusSeconds(5), "shiftlead1", null));
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).as("recorded after the instant").isNotNull();
        recent.on(new CaseTransitioned(new CaseId(1), CaseAction.FILE, CaseStatus.PENDING_FILING, CaseStatus.PENDING_DISPATCH,
                key.asOf(), "shiftlead1", null));
        assertThat(recent.get(key, EnumSet.of(Stage.HANDLE))).as("recorded at the instant").isNull();
    }

    @Test
    void anImportDropsEveryRead() {
        recent.put(key, EnumSet.of(Stage.HANDLE), read());
        recent.on(new CasesImported(List.of(new CaseId(7)), clock.instant().plusSeconds(60)));
        assertThat(recent.size()).isZero();
    }

    @Test
    void aMaximumAgeOfZeroKeepsNothing() {
        var off = new RecentFacts(clock, Duration.ZERO);
        off.put(key, EnumSet.of(Stage.HANDLE), read());
        assertThat(off.get(key, EnumSet.of(Stage.HANDLE))).isNull();
    }
}
