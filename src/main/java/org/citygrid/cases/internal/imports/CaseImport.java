package org.citygrid.cases.internal.imports;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseId;
import org.citygrid.cases.Cases;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.Clocks;
import org.citygrid.cases.TimelineEntry;
import org.citygrid.cases.internal.CaseRepository;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.org.OrgDirectory;
import org.citygrid.org.Person;
import org.citygrid.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports historical cases from NDJSON, one case a line, each replayed through the state machine by
 * {@link CaseReplay}. Lines are independent: a refused line stores nothing and is reported with its number; the others
 * are stored. Lines are committed in chunks ({@link ImportSettings#chunkSize()}), the cases of a chunk inserted as one
 * JDBC batch; if storing a chunk fails, its lines are stored again one by one so that one bad row cannot take its
 * neighbours down. An {@code externalId} already stored (or seen earlier in the file) is skipped.
 */
@Service
public class CaseImport {

    /** A refused line: its 1-based number in the file and why, in the caller's language. */
    public record LineError(int line, String message) {
    }

    public record Result(int imported, int skipped, List<LineError> errors) {
    }

    private static final int LOOKUPS_PER_QUERY = 100;
    private static final Logger log = LoggerFactory.getLogger(CaseImport.class);

    private final CaseRows rows;
    private final CaseRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Catalog catalog;
    private final Locator locator;
    private final OrgDirectory org;
    private final Calendars calendars;
    private final Clocks clocks;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final MessageSource messages;
    private final ObjectReader reader;
    private final ImportSettings settings;

    CaseImport(JdbcTemplate jdbcTemplate, CaseRepository repository, JdbcClient jdbc, TransactionTemplate tx,
               Catalog catalog, Locator locator, OrgDirectory org, Calendars calendars, Cases cases, Clock clock,
               ApplicationEventPublisher publisher, MessageSource messages, JsonMapper mapper,
               ImportSettings settings) {
        this.rows = new CaseRows(jdbcTemplate);
        this.repository = repository;
        this.jdbc = jdbc;
        this.tx = tx;
        this.catalog = catalog;
        this.locator = locator;
        this.org = org;
        this.calendars = calendars;
        this.clocks = cases.clocks();
        this.clock = clock;
        this.publisher = publisher;
        this.messages = messages;
        this.reader = mapper.readerFor(HistoricalCase.class);
        this.settings = settings;
    }

    public ImportSettings settings() {
        return settings;
    }

    /** Imports every line of an NDJSON body (UTF-8); a file with more lines than allowed is refused as a whole (422). */
    public Result run(byte[] ndjson, Locale locale) {
        int lines = countLines(ndjson);
        if (lines > settings.maxLines()) {
            throw new DomainException.Invalid((String) null, "cases.import.too-many-lines", lines, settings.maxLines());
        }
        var run = new Run(locale, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(ndjson), utf8))) {
            var chunk = new ArrayList<Line>();
            int number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                var line = parse(number, text);
                run.lines++;
                run.readable += line.history() != null ? 1 : 0;
                chunk.add(line);
                if (chunk.size() >= settings.chunkSize()) {
                    store(chunk, run);
                    chunk = new ArrayList<>();
                }
            }
            store(chunk, run);
        } catch (CharacterCodingException e) {
            throw new DomainException.Invalid((String) null, "cases.import.not-utf8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (run.lines == 0) {
            throw new DomainException.Invalid((String) null, "cases.import.empty");
        }
        if (run.readable == 0) {
            // nothing was stored: every line failed to parse, so the body is not NDJSON at all
            throw new DomainException.Invalid((String) null, "cases.import.not-ndjson", run.errors.getFirst().message());
        }
        return new Result(run.imported, run.skipped, List.copyOf(run.errors));
    }

    private static int countLines(byte[] body) {
        int n = 0;
        for (byte b : body) {
            if (b == '\n') {
                n++;
            }
        }
        return body.length > 0 && body[body.length - 1] != '\n' ? n + 1 : n;
    }

    /** One line of the file: the case it describes, or why it could not be read. */
    private record Line(int number, HistoricalCase history, LineFailure unreadable) {
    }

    private Line parse(int number, String text) {
        try {
            HistoricalCase h = reader.readValue(text);
            return h == null ? new Line(number, null, new LineFailure("cases.import.not-an-object"))
                    : new Line(number, h, null);
        } catch (JacksonException e) {
            var field = e instanceof StreamReadException ? "" : fieldPath(e);
            if (!field.isEmpty()) {
                return new Line(number, null, new LineFailure("cases.import.bad-field", field));
            }
            var at = e.getLocation();
            return new Line(number, null, new LineFailure("cases.import.bad-json", at == null ? 0 : at.getColumnNr()));
        }
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private void store(List<Line> chunk, Run run) {
        if (chunk.isEmpty()) {
            return;
        }
        var stored = existing(chunk);
        try {
            var outcome = tx.execute(status -> replayAndInsert(chunk, stored, run));
            run.add(outcome);
        } catch (DataAccessException e) {
            if (chunk.size() == 1) {
                log.info("import line {} could not be stored: {}", chunk.getFirst().number(),
                        e.getMostSpecificCause().getMessage());
                run.errors.add(new LineError(chunk.getFirst().number(), run.text(new LineFailure(
                        "cases.import.store-failed"))));
                return;
            }
            chunk.forEach(line -> store(List.of(line), run));
        }
    }

    /** The external ids of the chunk that are already stored. */
    private Set<String> existing(List<Line> chunk) {
        var ids = chunk.stream().filter(l -> l.history() != null && l.history().externalId() != null)
                .map(l -> l.history().externalId()).distinct().toList();
        var found = new HashSet<String>();
        for (int from = 0; from < ids.size(); from += LOOKUPS_PER_QUERY) {
            var part = ids.subList(from, Math.min(ids.size(), from + LOOKUPS_PER_QUERY));
            // one equality per branch: an index lookup whatever the statistics say (a table filled by the import
            // itself has none yet, and an IN list of hundreds then plans as a sequential scan per chunk)
            var sql = String.join(" UNION ALL ",
                    java.util.Collections.nCopies(part.size(), "SELECT external_id FROM case_file WHERE external_id = ?"));
            found.addAll(jdbc.sql(sql).params(part.toArray()).query(String.class).list());
        }
        return found;
    }

    private Outcome replayAndInsert(List<Line> chunk, Set<String> stored, Run run) {
        var outcome = new Outcome();
        var numbers = new ImportNumbers(jdbc);
        var replay = new CaseReplay(new RunContext(run, outcome));
        var pending = new ArrayList<Case>();
        for (var line : chunk) {
            if (line.unreadable() != null) {
                outcome.errors.add(new LineError(line.number(), run.text(line.unreadable())));
                continue;
            }
            var h = line.history();
            var id = h.externalId();
            if (id != null && (stored.contains(id) || run.seen.contains(id) || outcome.seen.contains(id))) {
                outcome.skipped++;
                continue;
            }
            if (namesPendingParent(h, pending)) {
                insert(pending, outcome);
            }
            try {
                var day = h.reportedAt() == null ? null : h.reportedAt().atZone(calendars.zone()).toLocalDate();
                var c = replay.replay(h, day == null ? "" : numbers.peek(day));
                numbers.take(day);
                pending.add(c);
                outcome.seen.add(id);
            } catch (LineFailure refused) {
                outcome.errors.add(new LineError(line.number(), run.text(refused)));
            } catch (RuntimeException bug) {
                // the replay is in memory: the line is refused alone, the file goes on
                log.warn("import line {} could not be replayed", line.number(), bug);
                outcome.errors.add(new LineError(line.number(), run.text(new LineFailure("cases.import.unexpected"))));
            }
        }
        insert(pending, outcome);
        numbers.writeBack();
        if (!outcome.ids.isEmpty()) {
            publisher.publishEvent(new CasesImported(outcome.ids, run.now));
        }
        return outcome;
    }

    private static boolean namesPendingParent(HistoricalCase h, List<Case> pending) {
        if (pending.isEmpty()) {
            return false;
        }
        var parents = h.eventsOrEmpty().stream().filter(e -> e != null && e.parentExternalId() != null)
                .map(HistoricalCase.Event::parentExternalId).toList();
        return !parents.isEmpty() && pending.stream().anyMatch(c -> parents.contains(c.externalId()));
    }

    /**
     * Inserts the replayed cases as JDBC batches ({@link CaseRows}) rather than through the repository: the
     * aggregates' own events (reported, transitioned) are never published — a history must not notify anyone today.
     */
    private void insert(List<Case> pending, Outcome outcome) {
        if (pending.isEmpty()) {
            return;
        }
        var ids = rows.insert(pending);
        for (int i = 0; i < ids.size(); i++) {
            var c = pending.get(i);
            outcome.ids.add(ids.get(i));
            outcome.parents.put(c.externalId(), parentOf(c, ids.get(i)));
        }
        outcome.imported += pending.size();
        pending.clear();
    }

    private static CaseReplay.Parent parentOf(Case c, CaseId id) {
        var closedSince = c.timeline().stream().filter(t -> !t.toStatus().isOpen()).findFirst()
                .map(TimelineEntry::occurredAt).orElse(null);
        return new CaseReplay.Parent(id, c.reportedAt(), closedSince);
    }

    /** What one chunk did; added to the run only once the chunk has committed. */
    private static final class Outcome {
        int imported;
        int skipped;
        final List<LineError> errors = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final List<CaseId> ids = new ArrayList<>();
        final Map<String, CaseReplay.Parent> parents = new HashMap<>();
    }

    /** One import: its counts, and what it looked up once (people, departments, classes). */
    private final class Run {
        final Locale locale;
        final Instant now;
        int imported;
        int skipped;
        int lines;
        int readable;
        final List<LineError> errors = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Map<String, CaseReplay.Parent> parents = new HashMap<>();
        final Map<String, Optional<Person>> people = new HashMap<>();
        final Map<String, Boolean> departments = new HashMap<>();
        final Map<String, Optional<CatalogClass>> classes = new HashMap<>();

        Run(Locale locale, Instant now) {
            this.locale = locale;
            this.now = now;
        }

        void add(Outcome o) {
            imported += o.imported;
            skipped += o.skipped;
            errors.addAll(o.errors);
            seen.addAll(o.seen);
            parents.putAll(o.parents);
        }

        String text(LineFailure f) {
            return messages.getMessage(f.messageKey(), f.arguments(), f.messageKey(), locale);
        }
    }

    /** The replay's view of the world during one chunk: cached look-ups and the parents imported so far. */
    private final class RunContext implements CaseReplay.Context {
        private final Run run;
        private final Outcome outcome;

        RunContext(Run run, Outcome outcome) {
            this.run = run;
            this.outcome = outcome;
        }

        @Override
        public Optional<CatalogClass> catalogClass(ClassKind kind, String code) {
            return run.classes.computeIfAbsent(kind + ":" + code, k -> catalog.find(kind, code));
        }

        @Override
        public Optional<GridLocation> locate(double lon, double lat) {
            return locator.locate(lon, lat);
        }

        @Override
        public Optional<Person> person(String username) {
            return run.people.computeIfAbsent(username, org::person);
        }

        @Override
        public boolean departmentExists(String code) {
            return run.departments.computeIfAbsent(code, org::departmentExists);
        }

        @Override
        public Optional<CaseReplay.Parent> parent(String externalId) {
            var known = outcome.parents.containsKey(externalId) ? outcome.parents.get(externalId)
                    : run.parents.get(externalId);
            if (known != null) {
                return Optional.of(known);
            }
            return repository.findByExternalId(externalId).map(c -> parentOf(c, c.id()));
        }

        @Override
        public Instant now() {
            return run.now;
        }

        @Override
        public Clocks clocks() {
            return clocks;
        }
    }
}
