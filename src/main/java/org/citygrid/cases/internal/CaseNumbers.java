package org.citygrid.cases.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readable case numbers: the date ({@code yyyyMMdd}) and a 5-digit daily sequence, e.g. {@code 2026112700123} (a day
 * with more than 99,999 reports goes on with 6 digits, {@code 20261127100000}: still unique, as the length differs). The
 * counter row of the day is incremented with {@code UPDATE … SET last_value = last_value + 1}: the row lock makes
 * concurrent creators, on any node, wait for each other, so every number is given once. {@link #next} draws it in the
 * caller's transaction (the lock is held until that commits, a rollback gives the number back);
 * {@link #nextCommitted} draws it in a transaction of its own that commits at once, so the lock is held for one
 * statement (a creation that then fails leaves a gap).
 * <p>
 * On PostgreSQL the committed draw is one {@code UPDATE … RETURNING} in a transaction with
 * {@code synchronous_commit = off}: its commit does not wait for the write-ahead log to reach the disk, so the row lock
 * is released at once instead of after an fsync, which had made the counter the bottleneck of intake (every report of
 * the platform queued on one row for one disk flush each: docs/PERFORMANCE.md). It is safe: the log is written in
 * order, so a case stored (with a synchronous commit) under a drawn number makes the log durable up to and including
 * that draw; a crash can only lose draws whose cases were never stored, and those numbers were never used.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Beyond this the sequence has six digits. */
    static final int MAX_PER_DAY = 999_999;

    private final JdbcClient jdbc;
    private final boolean postgres;

    CaseNumbers(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(LocalDate day) {
        return draw(day);
    }

    /** A number drawn and committed at once; must be called with no transaction open (it would take a second connection). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String nextCommitted(LocalDate day) {
        if (!postgres) {
            return draw(day);
        }
        // set_config(…, true) is SET LOCAL inside the statement: one round trip instead of two
        var value = jdbc.sql("UPDATE case_number_counter SET last_value = last_value + 1 WHERE for_date = :day "
                + "AND set_config('synchronous_commit', 'off', true) = 'off' RETURNING last_value")
                .param("day", day).query(Integer.class).optional();
        return value.isPresent() ? format(day, value.get()) : draw(day);
    }

    private String draw(LocalDate day) {
        jdbc.sql("INSERT INTO case_number_counter (for_date, last_value) VALUES (:day, 0) ON CONFLICT DO NOTHING")
                .param("day", day).update();
        jdbc.sql("UPDATE case_number_counter SET last_value = last_value + 1 WHERE for_date = :day")
                .param("day", day).update();
        int value = jdbc.sql("SELECT last_value FROM case_number_counter WHERE for_date = :day")
                .param("day", day).query(Integer.class).single();
        return format(day, value);
    }

    private static String format(LocalDate day, int value) {
        if (value > MAX_PER_DAY) {
            throw new IllegalStateException("more than " + MAX_PER_DAY + " cases on " + day);
        }
        return DAY.format(day) + String.format("%05d", value);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
