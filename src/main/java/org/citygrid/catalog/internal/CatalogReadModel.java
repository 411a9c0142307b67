package org.citygrid.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.internal.LegacyMapping.Key;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole catalog in memory (about 400 classes; it changes only when an administrator edits a class). Loaded after
 * seeding at start-up and updated after every committed change on this node. Readers get immutable snapshots. A change
 * made through another node on the same database is picked up too: at most once per {@code citygrid.catalog.refresh}
 * (default one minute) a read compares a one-row stamp of the table (count, sum of versions, highest id) with the one
 * the snapshot was built from and reloads when it differs — the pattern of the calendar's store.
 */
@Component
public class CatalogReadModel {

    private static final Comparator<CatalogClass> ORDER = Comparator.comparing(CatalogClass::kind)
            .thenComparing(CatalogClass::code);

    private record Snapshot(List<CatalogClass> all, Map<Key, CatalogClass> byKey, Map<Key, CatalogClass> byLegacy) {
        static Snapshot of(List<CatalogClass> classes) {
            var all = classes.stream().sorted(ORDER).toList();
            var byKey = new HashMap<Key, CatalogClass>();
            var byLegacy = new HashMap<Key, CatalogClass>();
            for (var c : all) {
                byKey.put(new Key(c.kind(), c.code()), c);
                c.legacyCodes().forEach(legacy -> byLegacy.put(new Key(c.kind(), legacy), c));
            }
            return new Snapshot(all, Map.copyOf(byKey), Map.copyOf(byLegacy));
        }
    }

    private final CaseClassRepository repository;
    private static final Logger log = LoggerFactory.getLogger(CatalogReadModel.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot = Snapshot.of(List.of());
    private volatile String stamp = "";
    private volatile Instant checkedAt = Instant.MIN;

    CatalogReadModel(CaseClassRepository repository, JdbcClient jdbc, Clock clock,
                     @Value("${citygrid.catalog.refresh:PT1M}") Duration refresh) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** Rebuilds the read model from the database. */
    public synchronized void reload() {
        var newStamp = stamp();
        snapshot = Snapshot.of(repository.findAll().stream().map(CaseClass::snapshot).toList());
        stamp = newStamp;
        checkedAt = clock.instant();
    }

    /** Reloads if the stored classes differ from those the snapshot was built from (another node changed them). */
    public void refreshIfChanged() {
        checkedAt = clock.instant();
        if (!stamp().equals(stamp)) {
            reload();
        }
    }

    private Snapshot current() {
        var now = clock.instant();
        if (now.isAfter(checkedAt.plus(refresh)) || now.isBefore(checkedAt)) {
            try {
                refreshIfChanged();
            } catch (DataAccessException e) {
                log.warn("Catalog: could not check for changes made by other nodes, keeping the loaded classes: {}",
                        e.getMessage());
            }
        }
        return snapshot;
    }

    /** Changes whenever a class is added, changed (its version moves) or deleted. */
    private String stamp() {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS versions, COALESCE(MAX(id), 0) AS last_id"
                        + " FROM case_class")
                .query((rs, row) -> rs.getLong("n") + "/" + rs.getLong("versions") + "/" + rs.getLong("last_id"))
                .single();
    }

    /** Replaces one class after a committed change. */
    synchronized void replace(CatalogClass changed) {
        var key = new Key(changed.kind(), changed.code());
        var classes = snapshot.all().stream().filter(c -> !new Key(c.kind(), c.code()).equals(key))
                .collect(Collectors.toList());
        classes.add(changed);
        snapshot = Snapshot.of(classes);
    }

    public List<CatalogClass> all() {
        return current().all();
    }

    public Optional<CatalogClass> find(ClassKind kind, String code) {
        return Optional.ofNullable(current().byKey().get(new Key(kind, code)));
    }

    public Optional<CatalogClass> byLegacyCode(ClassKind kind, String legacyCode) {
        return Optional.ofNullable(current().byLegacy().get(new Key(kind, legacyCode)));
    }
}
