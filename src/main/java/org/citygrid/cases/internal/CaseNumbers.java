package org.citygrid.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable case numbers: the date ({@code yyyyMMdd}) and a 5-digit daily sequence, e.g. {@code 2026112700123} (a day
 * with more than 99,999 reports goes on with 6 digits, {@code 20261127100000}: still unique, as the length differs). The
 * counter row of the day is incremented with {@code UPDATE … SET last_value = last_value + 1}: the row lock makes
 * concurrent creators, on any node, wait for each other, so every number is given once. {@link #next} draws it in the
 * caller's transaction (the lock is held until that commits, a rollback gives the number back);
 * {@link #nextCommitted} draws it in a transaction of its own that commits at once, so the lock is held for one
 * statement (a creation that then fails leaves a gap).
 * <p>
 * On PostgreSQL the committed draw is one {@code UPDATE … RETURNING} in autocommit mode with
 * {@code synchronous_commit = off} for its own transaction: the row lock is held only while the server runs the
 * statement and its commit, which does not wait for the write-ahead log to reach the disk. Drawn in a transaction
 * (statement, round trip, commit) the lock was held across two round trips and the drawing thread's turn on the
 * JVM's carrier threads, and with a synchronous commit across a disk flush too: every report of the platform queued
 * on that one row (docs/PERFORMANCE.md, "Report intake"). It is safe: the log is written in order, so a case stored
 * (with a synchronous commit) under a drawn number makes the log durable up to and including that draw; a crash can
 * only lose draws whose cases were never stored, and those numbers were never used.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Beyond this the sequence has six digits. */
    static final int MAX_PER_DAY = 999_999;
    /** One statement, its own transaction; set_config(…, true) is SET LOCAL for that transaction. */
    private static final String DRAW_AUTOCOMMIT = "UPDATE case_number_counter SET last_value = last_value + 1 "
            + "WHERE for_date = ? AND set_config('synchronous_commit', 'off', true) = 'off' RETURNING last_value";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate newTransaction;
    private final boolean postgres;

    CaseNumbers(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = isPostgres(dataSource);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(LocalDate day) {
        return draw(day);
    }

    /**
     * A number drawn and committed at once; must be called with no transaction open (it would take a second
     * connection).
     */
    public String nextCommitted(LocalDate day) {
        if (postgres) {
            var value = drawAutocommit(day);
            if (value != null) {
                return format(day, value);
            }
        }
        // the day's first number (its counter row is created), and every number on H2
        return newTransaction.execute(s -> draw(day));
    }

    /** The next value of the day's counter, or null when the day has no counter row yet. */
    private Integer drawAutocommit(LocalDate day) {
        // a connection of its own (no transaction is open), in autocommit mode: the statement is its transaction
        return jdbcTemplate.execute((ConnectionCallback<Integer>) c -> {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            try (PreparedStatement ps = c.prepareStatement(DRAW_AUTOCOMMIT)) {
                ps.setObject(1, day);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : null;
                }
            }
        });
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

    /** Whether the data source is PostgreSQL (asked once, when a bean that needs it is made). */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
