package org.citygrid.catalog.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.internal.LegacyMapping.Key;
import org.springframework.stereotype.Component;

/**
 * The whole catalog in memory (about 400 classes; it changes only when an administrator edits a class). Loaded after
 * seeding at start-up and updated after every committed change on this node. Readers get immutable snapshots.
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
    private volatile Snapshot snapshot = Snapshot.of(List.of());

    CatalogReadModel(CaseClassRepository repository) {
        this.repository = repository;
    }

    /** Rebuilds the read model from the database. */
    public synchronized void reload() {
        snapshot = Snapshot.of(repository.findAll().stream().map(CaseClass::snapshot).toList());
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
        return snapshot.all();
    }

    public Optional<CatalogClass> find(ClassKind kind, String code) {
        return Optional.ofNullable(snapshot.byKey().get(new Key(kind, code)));
    }

    public Optional<CatalogClass> byLegacyCode(ClassKind kind, String legacyCode) {
        return Optional.ofNullable(snapshot.byLegacy().get(new Key(kind, legacyCode)));
    }
}
