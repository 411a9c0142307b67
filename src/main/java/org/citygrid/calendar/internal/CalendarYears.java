package org.citygrid.calendar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar years in the database: reading one, replacing one with a holiday-cn document (all or nothing), and
 * importing the bundled reference years the database does not have yet. Every change rebuilds the in-memory
 * calendar once its transaction has committed.
 */
@Service
public class CalendarYears {

    static final String BUNDLED = "classpath:reference/holidays/*.json";
    private static final Logger log = LoggerFactory.getLogger(CalendarYears.class);

    private final CalendarYearRepository years;
    private final CalendarStore store;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CalendarYears(CalendarYearRepository years, CalendarStore store, TransactionTemplate transactions,
                  JsonMapper json, Clock clock) {
        this.years = years;
        this.store = store;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** What a replacement stored. */
    public record Summary(int year, long offDays, long makeUpDays) {
    }

    public CalendarYear year(int year) {
        checkYear(year);
        return years.findByYear(year)
                .orElseThrow(() -> new DomainException.NotFound("calendar.error.no-data", String.valueOf(year)));
    }

    /** Replaces the listed days of {@code year} with those of a holiday-cn document; 422 and nothing saved if bad. */
    public Summary replace(int year, JsonNode document) {
        checkYear(year);
        var checked = HolidayDocument.read(document, year);
        transactions.executeWithoutResult(status -> store(checked, CalendarYear.Source.UPLOADED));
        store.reload();
        log.info("Calendar year {} replaced: {} days off, {} make-up workdays", year, checked.offDays(),
                checked.makeUpDays());
        return new Summary(year, checked.offDays(), checked.makeUpDays());
    }

    private void store(HolidayDocument document, CalendarYear.Source source) {
        var existing = years.findByYear(document.year());
        if (existing.isPresent()) {
            existing.get().replace(document, source, clock.instant());
            years.save(existing.get());
        } else {
            years.save(CalendarYear.create(document, source, clock.instant()));
        }
    }

    /**
     * Imports each bundled year the database lacks, each in its own transaction. Safe when several nodes start at
     * once: the unique year makes all but one insert fail, and a failed insert is fine once the year is there.
     */
    public List<Integer> importBundled() {
        var imported = new ArrayList<Integer>();
        for (var resource : bundled()) {
            var document = read(resource);
            if (years.existsByYear(document.year())) {
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> years.save(
                        CalendarYear.create(document, CalendarYear.Source.BUNDLED, clock.instant())));
                imported.add(document.year());
            } catch (DataAccessException e) {
                if (!years.existsByYear(document.year())) {
                    throw e;
                }
                log.info("Calendar year {} was imported by another node meanwhile", document.year());
            }
        }
        store.reload();
        if (!imported.isEmpty()) {
            log.info("Bundled holiday data imported for {}", imported);
        }
        return imported;
    }

    private Resource[] bundled() {
        try {
            return new PathMatchingResourcePatternResolver().getResources(BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HolidayDocument read(Resource resource) {
        try (var in = resource.getInputStream()) {
            var node = json.readTree(in);
            return HolidayDocument.read(node, node.path("year").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled holiday data " + resource, e);
        }
    }

    private static void checkYear(int year) {
        if (year < HolidayDocument.MIN_YEAR || year > HolidayDocument.MAX_YEAR) {
            throw new DomainException.BadRequest("year", "calendar.error.year-range", String.valueOf(year),
                    String.valueOf(HolidayDocument.MIN_YEAR), String.valueOf(HolidayDocument.MAX_YEAR));
        }
    }
}
