package org.citygrid.catalog.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.internal.LegacyMapping.Key;
import org.citygrid.catalog.internal.ReferenceData.StandardRow;

/**
 * The directory as CityGrid seeds it: every class of GB/T 47678.5-2026 with its legacy codes, and a real limit and
 * criteria where a local standard (case_standards.csv) matches it.
 *
 * <p>A standard row matches the current classes its legacy codes map to, or, without codes, the current class of
 * the same name and kind. Where several rows match one class, a 数字城管 case standard beats a city regulation or
 * notice, then the earlier row in the file wins (the district table comes first and is the fullest). A limit set on
 * a component in majors 01–05 also applies to its mirror matter “X异常” (same code), unless a row matches that
 * matter itself: in GB/T 47678.5 that matter is how a defect of the component is reported.
 */
final class DirectorySeed {

    private final ReferenceData data;
    private final LegacyMapping mapping;

    DirectorySeed(ReferenceData data) {
        this.data = data;
        this.mapping = LegacyMapping.of(data.current(), data.legacy(), data.synonyms());
    }

    LegacyMapping mapping() {
        return mapping;
    }

    List<CaseClass> classes() {
        var classes = new LinkedHashMap<Key, CaseClass>();
        for (var row : data.current()) {
            classes.put(new Key(row.kind(), row.code()), CaseClass.of(row.kind(), row.code(), row.majorCode(),
                    row.majorName(), row.name(), row.nameEn()));
        }
        mapping.legacyCodesByCurrent().forEach((key, codes) -> classes.get(key).mapLegacyCodes(new TreeSet<>(codes)));
        var chosen = standardsByClass();
        chosen.forEach((key, row) -> adopt(classes.get(key), row));
        chosen.forEach((key, row) -> {
            var mirror = new Key(ClassKind.MATTER, key.code());
            if (key.kind() == ClassKind.COMPONENT && classes.containsKey(mirror) && !chosen.containsKey(mirror)) {
                adopt(classes.get(mirror), row);
            }
        });
        return List.copyOf(classes.values());
    }

    /** The standard row chosen for each current class it matches (before mirroring). */
    Map<Key, StandardRow> standardsByClass() {
        var chosen = new LinkedHashMap<Key, StandardRow>();
        data.standards().stream()
                .filter(row -> TimeLimitText.handlingLimit(row.timeLimit()).isPresent())
                .sorted(Comparator.comparing((StandardRow row) -> !row.isCaseStandard())
                        .thenComparing(StandardRow::line))
                .forEach(row -> targets(row).forEach(key -> chosen.putIfAbsent(key, row)));
        return chosen;
    }

    private List<Key> targets(StandardRow row) {
        if (row.legacyCodes().isEmpty()) {
            return byName(row).stream().toList();
        }
        return row.legacyCodes().stream()
                .flatMap(code -> mapping.of(row.kind(), code).stream())
                .map(m -> new Key(m.current().kind(), m.current().code()))
                .distinct().toList();
    }

    private Optional<Key> byName(StandardRow row) {
        var name = LegacyMapping.normal(row.name());
        return data.current().stream()
                .filter(c -> c.kind() == row.kind() && LegacyMapping.normal(c.name()).equals(name))
                .map(c -> new Key(c.kind(), c.code())).findFirst();
    }

    private static void adopt(CaseClass target, StandardRow row) {
        HandleLimit limit = TimeLimitText.handlingLimit(row.timeLimit()).orElseThrow();
        target.adoptStandard(limit, row.basis(), row.filingCriteria(), row.closingCriteria());
    }
}
