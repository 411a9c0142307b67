package org.citygrid.cases.internal.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case numbers for one chunk of an import, from the same daily counter as live reports ({@code case_number_counter}).
 * The first number asked for a day locks the day's row (an {@code UPDATE} of it) for the rest of the chunk's
 * transaction, so numbers are handed out in memory and written back once: a chunk costs two statements per day, not
 * three per case. A number is taken only when its line has replayed, so a refused line leaves no gap; a rolled-back
 * chunk gives all its numbers back. Not thread-safe: one per chunk transaction.
 */
final class ImportNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int MAX_PER_DAY = 99_999;

    private final JdbcClient jdbc;
    private final Map<LocalDate, int[]> last = new HashMap<>();

    ImportNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number the next case of {@code day} would get; {@link #take} makes it used. */
    String peek(LocalDate day) {
        int next = counter(day)[0] + 1;
        if (next > MAX_PER_DAY) {
            throw new LineFailure("cases.import.numbers-exhausted", day);
        }
        return DAY.format(day) + String.format("%05d", next);
    }

    void take(LocalDate day) {
        counter(day)[0]++;
    }

    /** Writes the last number used of every day touched; call before the chunk commits. */
    void writeBack() {
        last.forEach((day, value) -> jdbc.sql("UPDATE case_number_counter SET last_value = :v WHERE for_date = :day")
                .param("v", value[0]).param("day", day).update());
    }

    private int[] counter(LocalDate day) {
        return last.computeIfAbsent(day, d -> {
            jdbc.sql("INSERT INTO case_number_counter (for_date, last_value) VALUES (:day, 0) ON CONFLICT DO NOTHING")
                    .param("day", d).update();
            jdbc.sql("UPDATE case_number_counter SET last_value = last_value WHERE for_date = :day")
                    .param("day", d).update();
            return new int[] {jdbc.sql("SELECT last_value FROM case_number_counter WHERE for_date = :day")
                    .param("day", d).query(Integer.class).single()};
        });
    }
}
