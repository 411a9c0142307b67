package org.citygrid.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFacts.CaseFact;
import org.citygrid.cases.CaseFacts.Clock;
import org.citygrid.cases.CaseFacts.Dispatch;
import org.citygrid.cases.CaseFacts.Step;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Stage;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The queries of {@link org.citygrid.cases.CaseFacts}: the cases touched in a period by one range scan of the timeline's
 * {@code occurred_at} index, then their rows (cases, timeline, clocks, assignments) in chunks of consecutive case ids;
 * rows are grouped in memory.
 *
 * <p>A chunk whose ids are dense (a month's cases mostly are: ids follow the order of reporting) is read by a range
 * of the primary keys' leading column ({@code case_id BETWEEN lo AND hi}) and the few rows of cases that are not
 * wanted are dropped here; a sparse chunk (old cases still active) by {@code case_id IN (…)} within its range. Either
 * way each child table is read by its primary key, in key order, never by a scan of the whole table per chunk.
 */
@Component
public class CaseFactQueries {

    /** Cases per chunk read by a range of ids. */
    static final int RANGE_CHUNK = 10_000;
    /** Cases per round of {@code IN} queries (bind parameters stay far below PostgreSQL's 65,535). */
    static final int LIST_CHUNK = 2_000;

    private static final String TOUCHED = "SELECT DISTINCT x.case_id FROM case_timeline x"
            + " WHERE x.occurred_at >= :from AND x.occurred_at < :to AND x.occurred_at <= :asOf";

    /** Rows per round trip: the driver streams a large result instead of holding all of it (PostgreSQL). */
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate template;
    private final PlatformTransactionManager transactions;
    /** Threads that read the chunks of a period's facts when the caller has no transaction (1: one after the other). */
    private final int readThreads;
    private final int rangeChunk;
    private final int listChunk;
    private final JdbcClient jdbc;
    /** Whether the database is PostgreSQL (its planner settings for range reads). */
    private final boolean postgres;

    @org.springframework.beans.factory.annotation.Autowired
    CaseFactQueries(DataSource dataSource, PlatformTransactionManager transactions,
                    @Value("${citygrid.cases.facts.read-threads:2}") int readThreads) {
        this(dataSource, transactions, readThreads, RANGE_CHUNK, LIST_CHUNK);
    }

    /** With other chunk sizes (tests cut a few cases into many parts). */
    CaseFactQueries(DataSource dataSource, PlatformTransactionManager transactions, int readThreads, int rangeChunk,
                    int listChunk) {
        this.rangeChunk = rangeChunk;
        this.listChunk = listChunk;
        this.transactions = transactions;
        this.readThreads = readThreads;
        this.template = new JdbcTemplate(dataSource);
        this.postgres = CaseNumbers.isPostgres(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * The cases touched in [from, to) up to asOf, with the clock runs of {@code stages} only.
     *
     * <p>Called outside a transaction, the chunks are read by {@link #readThreads} threads, each chunk in a read-only
     * transaction of its own: while one thread maps rows, PostgreSQL produces the next chunk's for the other, instead of
     * each side waiting for the other (a month of 83,000 cases: docs/PERFORMANCE-EVALUATION.md). No thread holds a
     * connection while it waits for another, so the pool cannot dead-lock. Every statement sees its own snapshot either
     * way (read committed), as one transaction's statements would. Called inside a transaction, the chunks are read
     * one after the other in it.
     */
    public List<CaseFact> activeIn(Instant from, Instant to, Instant asOf, Set<Stage> stages) {
        var ids = jdbc.sql(TOUCHED + " ORDER BY 1").param("from", utc(from)).param("to", utc(to))
                .param("asOf", utc(asOf)).query(Long.class).list();
        var parts = new ArrayList<java.util.function.Supplier<List<CaseFact>>>();
        for (int i = 0; i < ids.size(); i += rangeChunk) {
            var chunk = ids.subList(i, Math.min(ids.size(), i + rangeChunk));
            if (dense(chunk)) {
                parts.add(() -> load(chunk, asOf, false, stages));
            } else {
                for (int j = 0; j < chunk.size(); j += listChunk) {
                    var list = chunk.subList(j, Math.min(chunk.size(), j + listChunk));
                    parts.add(() -> load(list, asOf, true, stages));
                }
            }
        }
        var out = new ArrayList<CaseFact>(ids.size());
        if (TransactionSynchronizationManager.isActualTransactionActive() || readThreads < 2 || parts.size() < 2) {
            rangeReadsOnPostgres();
            parts.forEach(part -> out.addAll(part.get()));
        } else {
            inParallel(parts).forEach(out::addAll);
        }
        return out;
    }

    /** The parts' results in the parts' order, read by {@link #readThreads} virtual threads. */
    private List<List<CaseFact>> inParallel(List<java.util.function.Supplier<List<CaseFact>>> parts) {
        var results = new ArrayList<List<CaseFact>>(java.util.Collections.nCopies(parts.size(), null));
        var next = new java.util.concurrent.atomic.AtomicInteger();
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        Runnable worker = () -> {
            for (int k; (k = next.getAndIncrement()) < parts.size(); ) {
                var part = parts.get(k);
                var rows = readOnly.execute(status -> {
                    rangeReadsOnPostgres();
                    return part.get();
                });
                synchronized (results) {
                    results.set(k, rows);
                }
            }
        };
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var running = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < Math.min(readThreads, parts.size()); t++) {
                running.add(threads.submit(worker));
            }
            for (var f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    next.set(parts.size()); // the other threads stop after their current part
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading case facts", e);
                }
            }
        }
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /**
     * A chunk's rows are wanted in primary-key order, and the primary key's index gives them in that order. Left
     * alone, PostgreSQL 15 plans each chunk's read as a parallel bitmap heap scan with a sort that spills to disk
     * (work_mem 4 MB) and compiles it with its JIT (≈ 35 ms a query; the plans cost far above jit_above_cost): 290 ms
     * for a chunk's timeline rows against 70 ms by the plain index scan (EXPLAIN ANALYZE in
     * docs/PERFORMANCE-EVALUATION.md). The three settings hold for this transaction only ({@code SET LOCAL}).
     */
    private void rangeReadsOnPostgres() {
        if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
            template.execute("SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0;"
                    + " SET LOCAL enable_bitmapscan = off");
        }
    }

    public Optional<CaseFact> of(long caseId, Instant asOf) {
        return load(List.of(caseId), asOf, true, EnumSet.allOf(Stage.class)).stream().findFirst();
    }

    /** Whether sorted ids fill at least half of the range they span. */
    private static boolean dense(List<Long> sorted) {
        return sorted.getLast() - sorted.getFirst() + 1 <= 2L * sorted.size();
    }

    /**
     * The facts of these cases (sorted ids): by their range alone ({@code list} false; rows of other cases in the
     * range are skipped) or by the list within the range.
     */
    private List<CaseFact> load(List<Long> ids, Instant asOf, boolean list, Set<Stage> stages) {
        var params = new HashMap<String, Object>(Map.of("lo", ids.getFirst(), "hi", ids.getLast(), "asOf", utc(asOf)));
        boolean allStages = stages.containsAll(EnumSet.allOf(Stage.class));
        if (!allStages) {
            // an impossible name keeps the IN list valid when no stage is wanted
            params.put("stages", stages.isEmpty() ? List.of("-") : stages.stream().map(Stage::name).toList());
        }
        Set<Long> wanted = null;
        if (list) {
            params.put("ids", ids);
        } else if (ids.getLast() - ids.getFirst() + 1 > ids.size()) {
            wanted = new HashSet<>(ids);
        }
        var keep = wanted;
        // the same few names (people, departments, regions) in every row: keep one String of each
        var names = new HashMap<String, String>();
        java.util.function.UnaryOperator<String> name = v -> v == null ? null : names.computeIfAbsent(v, k -> k);
        var steps = new HashMap<Long, List<Step>>();
        jdbc.sql("SELECT t.case_id, t.occurred_at, t.action, t.actor, t.from_status, t.to_status, t.reason"
                + " FROM case_timeline t WHERE " + where("t", list) + " AND t.occurred_at <= :asOf"
                + " ORDER BY t.case_id, t.seq").params(params).query(rs -> {
                    long id = rs.getLong(1);
                    if (keep == null || keep.contains(id)) {
                        steps.computeIfAbsent(id, k -> new ArrayList<>()).add(new Step(instant(rs, 2),
                                CaseAction.valueOf(rs.getString(3)), name.apply(rs.getString(4)),
                                status(rs.getString(5)), status(rs.getString(6)), name.apply(rs.getString(7))));
                    }
                });
        var clocks = new HashMap<Long, List<Clock>>();
        jdbc.sql("SELECT s.case_id, s.stage, s.assignment_no, s.started_at, s.deadline, s.ended_at"
                + " FROM case_stage s WHERE " + where("s", list) + " AND s.started_at <= :asOf"
                + (allStages ? "" : " AND s.stage IN (:stages)")
                + " ORDER BY s.case_id, s.seq").params(params).query(rs -> {
                    long id = rs.getLong(1);
                    if (keep == null || keep.contains(id)) {
                        clocks.computeIfAbsent(id, k -> new ArrayList<>()).add(new Clock(
                                Stage.valueOf(rs.getString(2)), rs.getInt(3), instant(rs, 4), instant(rs, 5),
                                instant(rs, 6)));
                    }
                });
        var dispatches = new HashMap<Long, List<Dispatch>>();
        jdbc.sql("SELECT a.case_id, a.assignment_no, a.department_code, a.dispatched_at, a.dispatched_by"
                + " FROM case_assignment a WHERE " + where("a", list) + " AND a.dispatched_at <= :asOf"
                + " ORDER BY a.case_id, a.assignment_no").params(params).query(rs -> {
                    long id = rs.getLong(1);
                    if (keep == null || keep.contains(id)) {
                        dispatches.computeIfAbsent(id, k -> new ArrayList<>()).add(new Dispatch(rs.getInt(2),
                                name.apply(rs.getString(3)), instant(rs, 4), name.apply(rs.getString(5))));
                    }
                });
        var out = new ArrayList<CaseFact>(ids.size());
        jdbc.sql("SELECT c.id, c.case_no, c.channel, c.self_handled, c.reported_by, c.reported_at, c.lon,"
                + " c.lat, c.grid_code, c.community_code, c.street_code, c.supervision_grid_code, c.verifier,"
                + " c.checker FROM case_file c WHERE " + where("c", list).replace("c.case_id", "c.id")
                + " AND c.reported_at <= :asOf ORDER BY c.id")
                .params(params).query(rs -> {
                    long id = rs.getLong(1);
                    if (keep == null || keep.contains(id)) {
                        out.add(new CaseFact(id, rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getBoolean(4),
                                name.apply(rs.getString(5)), instant(rs, 6), rs.getDouble(7), rs.getDouble(8),
                                name.apply(rs.getString(9)), name.apply(rs.getString(10)),
                                name.apply(rs.getString(11)), name.apply(rs.getString(12)),
                                name.apply(rs.getString(13)), name.apply(rs.getString(14)),
                                steps.getOrDefault(id, List.of()),
                                clocks.getOrDefault(id, List.of()), dispatches.getOrDefault(id, List.of())));
                    }
                });
        return out;
    }

    private static String where(String alias, boolean list) {
        var range = alias + ".case_id BETWEEN :lo AND :hi";
        return list ? range + " AND " + alias + ".case_id IN (:ids)" : range;
    }

    private static CaseStatus status(String s) {
        return s == null ? null : CaseStatus.valueOf(s);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
