package org.citygrid.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of the deadline arithmetic that hold for every start and amount, over the real 2023–2026 data and the
 * data-less years around them.
 */
class WorkingCalendarPropertyTests {

    private static final Instant EARLIEST = Instant.parse("2022-11-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2031-03-01T00:00:00Z");

    private final WorkingCalendar calendar = HolidayData.BUNDLED;

    @Provide
    Arbitrary<Instant> starts() {
        var minuteStarts = Arbitraries.longs().between(EARLIEST.getEpochSecond() / 60, LATEST.getEpochSecond() / 60)
                .map(minute -> Instant.ofEpochSecond(minute * 60));
        var anyStarts = Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond())
                .map(Instant::ofEpochSecond);
        // Whole minutes hit window edges (08:00, 12:00, 18:00) often; seconds catch off-by-one arithmetic.
        return Arbitraries.oneOf(minuteStarts, anyStarts);
    }

    @Provide
    Arbitrary<TimeUnit> workingTimeUnits() {
        return Arbitraries.of(TimeUnit.WORK_MINUTES, TimeUnit.WORK_HOURS);
    }

    @Property
    void theDeadlineIsNeverBeforeTheStart(@ForAll("starts") Instant start, @ForAll TimeUnit unit,
                                          @ForAll @LongRange(max = 3000) long amount) {
        assertThat(calendar.deadline(start, amount, unit).at()).isAfterOrEqualTo(start);
    }

    @Property
    void aLongerLimitNeverEndsEarlier(@ForAll("starts") Instant start, @ForAll TimeUnit unit,
                                      @ForAll @LongRange(max = 2000) long amount,
                                      @ForAll @LongRange(max = 2000) long more) {
        var shorter = calendar.deadline(start, amount, unit).at();
        var longer = calendar.deadline(start, amount + more, unit).at();
        assertThat(longer).isAfterOrEqualTo(shorter);
    }

    @Property
    void workingTimeDeadlinesLieInsideAWindowOrAtItsClose(@ForAll("starts") Instant start,
                                                          @ForAll("workingTimeUnits") TimeUnit unit,
                                                          @ForAll @LongRange(max = 5000) long amount) {
        var at = calendar.deadline(start, amount, unit).at().atZone(calendar.zone());
        assertThat(calendar.isWorkingDay(at.toLocalDate())).isTrue();
        var time = at.toLocalTime();
        assertThat(within(time, 8, 12) || within(time, 14, 18)).as("%s lies in a window", at).isTrue();
    }

    private static boolean within(LocalTime time, int opens, int closes) {
        return !time.isBefore(LocalTime.of(opens, 0)) && !time.isAfter(LocalTime.of(closes, 0));
    }

    @Property
    void addingAThenBIsAddingAPlusB(@ForAll("starts") Instant start, @ForAll("workingTimeUnits") TimeUnit unit,
                                   @ForAll @LongRange(min = 1, max = 3000) long a,
                                   @ForAll @LongRange(max = 3000) long b) {
        var inOneGo = calendar.deadline(start, a + b, unit).at();
        var inTwoSteps = calendar.deadline(calendar.deadline(start, a, unit).at(), b, unit).at();
        assertThat(inTwoSteps).isEqualTo(inOneGo);
    }

    @Property
    void workingTimeBetweenUndoesAddWorkingTime(@ForAll("starts") Instant start,
                                                @ForAll @LongRange(max = 20_000_000) long seconds) {
        var length = Duration.ofSeconds(seconds);
        assertThat(calendar.workingTimeBetween(start, calendar.addWorkingTime(start, length))).isEqualTo(length);
    }

    @Property
    void workDaysEndAtTheLastCloseOfTheNthWorkingDayAfterTheStartDate(@ForAll("starts") Instant start,
                                                                     @ForAll @LongRange(min = 1, max = 400) long n) {
        var at = calendar.deadline(start, n, TimeUnit.WORK_DAYS).at().atZone(calendar.zone());
        assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        var startDate = start.atZone(calendar.zone()).toLocalDate();
        long working = startDate.plusDays(1).datesUntil(at.toLocalDate().plusDays(1))
                .filter(calendar::isWorkingDay).count();
        assertThat(working).isEqualTo(n);
        assertThat(calendar.isWorkingDay(at.toLocalDate())).isTrue();
    }

    @Property
    void naturalDaysEndAtMidnightAfterAWorkingDayNotBeforeTheNthDay(@ForAll("starts") Instant start,
                                                                    @ForAll @LongRange(min = 1, max = 400) long n) {
        var at = calendar.deadline(start, n, TimeUnit.NATURAL_DAYS).at().atZone(calendar.zone());
        var lastDay = at.toLocalDate().minusDays(1);
        var nth = start.atZone(calendar.zone()).toLocalDate().plusDays(n);
        assertThat(at.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(calendar.isWorkingDay(lastDay)).isTrue();
        assertThat(lastDay).isAfterOrEqualTo(nth);
        assertThat(nth.datesUntil(lastDay).filter(calendar::isWorkingDay)).isEmpty();
    }
}
