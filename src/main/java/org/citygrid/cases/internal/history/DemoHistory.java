package org.citygrid.cases.internal.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.org.OrgDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Loads the SYNTHETIC demo history (profile {@code demo}): generates it with {@link HistoryGenerator} for the months
 * before now and imports it through the legacy import ({@link CaseImport}), after the application is ready, on a
 * background thread unless {@code citygrid.demo.history.in-background=false}. Skipped when the database already holds
 * cases of the demo history (external ids starting with {@link #PREFIX}); importing the same lines again would skip
 * them anyway (idempotent by external id).
 */
@Component
@Profile("demo")
public class DemoHistory {

    public static final String PREFIX = "DEMO-H-";
    /** A point in the middle of Dongcheng (Wangfujing), inside a unit grid of the demo district. */
    private static final double CENTRE_LON = 116.4101;
    private static final double CENTRE_LAT = 39.9201;
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** What a load did: cases imported, lines skipped and refused, and the generator's counts. */
    public record Loaded(int lines, int imported, int skipped, int errors, Map<String, Integer> counts) {
    }

    private final CaseImport imports;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DemoHistorySettings settings;
    private final HistoryGenerator.World world;
    private final Locator locator;

    DemoHistory(CaseImport imports, JdbcClient jdbc, Clock clock, DemoHistorySettings settings, Locator locator,
                Catalog catalog, Calendars calendars, OrgDirectory org) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.world = new PlatformWorld(locator, catalog, calendars, org);
        this.locator = locator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        if (settings.count() <= 0) {
            return;
        }
        if (settings.inBackground()) {
            Thread.ofVirtual().name("demo-history").start(this::loadSafely);
        } else {
            load();
        }
    }

    private void loadSafely() {
        try {
            load();
        } catch (RuntimeException e) {
            log.error("Demo history could not be loaded", e);
        }
    }

    /** Generates and imports the history unless the database has it already (then: null). */
    public Loaded load() {
        if (present()) {
            log.info("Demo history (synthetic): already in the database, not loaded again");
            return null;
        }
        if (!gridsReady()) {
            log.warn("Demo history (synthetic): the demo district has no unit grids; not loaded");
            return null;
        }
        return importHistory(generate(settings.seed()));
    }

    /**
     * Whether the point → grid index knows the demo district (a lookup during the index's first build waits for it,
     * see geo's GridIndex).
     */
    private boolean gridsReady() {
        return locator.locate(CENTRE_LON, CENTRE_LAT).isPresent();
    }

    boolean present() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM case_file WHERE external_id LIKE ? LIMIT 1) x")
                .param(PREFIX + "%").query(Integer.class).single() > 0;
    }

    /** The history for a seed, as of now (to the second). */
    HistoryGenerator.Result generate(long seed) {
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var plan = new HistoryGenerator.Plan(settings.count(), settings.months(), seed, settings.supervisorShare(),
                now, PREFIX);
        return new HistoryGenerator(plan, world, LaSample.load()).generate();
    }

    Loaded importHistory(HistoryGenerator.Result history) {
        long start = System.nanoTime();
        int imported = 0;
        int skipped = 0;
        int errors = 0;
        var lines = history.lines();
        for (int from = 0; from < lines.size(); from += settings.batchLines()) {
            int to = Math.min(lines.size(), from + settings.batchLines());
            var result = importWithRetries(history.bytes(from, to));
            imported += result.imported();
            skipped += result.skipped();
            errors += result.errors().size();
            int offset = from;
            result.errors().stream().limit(5).forEach(e -> log.warn("Demo history line {} refused: {}",
                    offset + e.line(), e.message()));
            log.info("Demo history (synthetic): {} of {} lines imported", to, lines.size());
        }
        log.info("Demo history (synthetic, from the LA 311 sample): {} cases imported, {} skipped, {} refused in {} ms",
                imported, skipped, errors, (System.nanoTime() - start) / 1_000_000);
        return new Loaded(lines.size(), imported, skipped, errors, history.counts());
    }

    /**
     * One batch; retried (up to 5 times, 10 s apart) when the database is momentarily out of reach — e.g. the
     * connection pool exhausted by the SLA monitor's first pass over the cases just imported. Retrying is safe: lines
     * of the batch already committed are skipped by external id.
     */
    private CaseImport.Result importWithRetries(byte[] batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return imports.run(batch, Locale.SIMPLIFIED_CHINESE);
            } catch (TransientDataAccessException | CannotGetJdbcConnectionException
                     | CannotCreateTransactionException e) {
                if (attempt >= 5) {
                    throw e;
                }
                log.warn("Demo history: batch failed ({}), retrying in 10 s", e.getMessage());
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The generator's view of the platform, through the other modules' public APIs. */
    private record PlatformWorld(Locator locator, Catalog catalog, Calendars calendars, OrgDirectory org)
            implements HistoryGenerator.World {

        @Override
        public ZoneId zone() {
            return calendars.zone();
        }

        @Override
        public Optional<GridLocation> locate(double lon, double lat) {
            return locator.locate(lon, lat);
        }

        @Override
        public HandleLimit handleLimit(ClassKind kind, String code) {
            return catalog.handleLimit(kind, code);
        }

        @Override
        public String className(ClassKind kind, String code) {
            return catalog.find(kind, code).map(CatalogClass::name).orElse(code);
        }

        @Override
        public Instant deadline(Instant start, int amount, TimeUnit unit) {
            return calendars.deadline(start, amount, unit).at();
        }

        @Override
        public Duration elapsed(Instant from, Instant to, TimeUnit unit) {
            return calendars.elapsed(from, to, unit);
        }

        @Override
        public Instant plusElapsed(Instant instant, Duration length, TimeUnit unit) {
            return calendars.plusElapsed(instant, length, unit);
        }

        @Override
        public boolean isWorkingDay(LocalDate date) {
            return calendars.isWorkingDay(date);
        }

        @Override
        public boolean departmentExists(String code) {
            return org.departmentExists(code);
        }
    }
}
