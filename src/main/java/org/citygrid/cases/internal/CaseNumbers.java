package org.citygrid.cases.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readable case numbers: the date ({@code yyyyMMdd}) and a 5-digit daily sequence, e.g. {@code 2026112700123}. The
 * counter row of the day is incremented with {@code UPDATE … SET last_value = last_value + 1}: the row lock makes
 * concurrent creators, on any node, wait for each other, so every number is given once. {@link #next} draws it in the
 * caller's transaction (the lock is held until that commits, a rollback gives the number back);
 * {@link #nextCommitted} draws it in a transaction of its own that commits at once, so the lock is held for one
 * statement (a creation that then fails leaves a gap).
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** The sequence has five digits. */
    static final int MAX_PER_DAY = 99_999;

    private final JdbcClient jdbc;

    CaseNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(LocalDate day) {
        return draw(day);
    }

    /** A number drawn and committed at once; must be called with no transaction open (it would take a second connection). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String nextCommitted(LocalDate day) {
        return draw(day);
    }

    private String draw(LocalDate day) {
        jdbc.sql("INSERT INTO case_number_counter (for_date, last_value) VALUES (:day, 0) ON CONFLICT DO NOTHING")
                .param("day", day).update();
        jdbc.sql("UPDATE case_number_counter SET last_value = last_value + 1 WHERE for_date = :day")
                .param("day", day).update();
        int value = jdbc.sql("SELECT last_value FROM case_number_counter WHERE for_date = :day")
                .param("day", day).query(Integer.class).single();
        if (value > MAX_PER_DAY) {
            throw new IllegalStateException("more than " + MAX_PER_DAY + " cases on " + day);
        }
        return DAY.format(day) + String.format("%05d", value);
    }
}
