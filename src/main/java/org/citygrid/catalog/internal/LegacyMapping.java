package org.citygrid.catalog.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.internal.ReferenceData.DirectoryRow;
import org.citygrid.catalog.internal.ReferenceData.SynonymRow;

/**
 * Which class of GB/T 47678.5-2026 each CJ/T 214-2007 class became. Rule, within the same kind: the current class of
 * the same name, ignoring bracketed variants and enumeration commas (道路遗撒 = 道路遗撒（洒）, 道路积雪结冰 =
 * 道路积雪、结冰); else the single current class whose scope is the old one's under a new name or a broader one, as
 * listed by hand in legacy_synonyms.csv. An old class split over several new ones, or without a successor, stays
 * unmapped.
 */
final class LegacyMapping {

    private static final Pattern BRACKETS = Pattern.compile("（[^）]*）|\\([^)]*\\)");
    private static final Pattern PUNCTUATION = Pattern.compile("[、，,\\s]");

    record Key(ClassKind kind, String code) {
    }

    enum Rule { SAME_NAME, SYNONYM }

    record Mapping(DirectoryRow legacy, DirectoryRow current, Rule rule) {
    }

    private final Map<Key, Mapping> byLegacy;
    private final List<DirectoryRow> unmapped;

    private LegacyMapping(Map<Key, Mapping> byLegacy, List<DirectoryRow> unmapped) {
        this.byLegacy = byLegacy;
        this.unmapped = unmapped;
    }

    static LegacyMapping of(List<DirectoryRow> current, List<DirectoryRow> legacy, List<SynonymRow> synonyms) {
        var currentByKey = current.stream().collect(Collectors.toMap(r -> new Key(r.kind(), r.code()),
                Function.identity()));
        var currentByName = current.stream().collect(Collectors.groupingBy(r -> new Key(r.kind(), normal(r.name()))));
        var synonymByKey = synonyms.stream().collect(Collectors.toMap(s -> new Key(s.kind(), s.legacyCode()),
                Function.identity()));
        var mapped = new LinkedHashMap<Key, Mapping>();
        var unmapped = new ArrayList<DirectoryRow>();
        for (var old : legacy) {
            var key = new Key(old.kind(), old.code());
            var sameName = currentByName.getOrDefault(new Key(old.kind(), normal(old.name())), List.of());
            var synonym = synonymByKey.get(key);
            if (sameName.size() == 1 && synonym == null) {
                mapped.put(key, new Mapping(old, sameName.getFirst(), Rule.SAME_NAME));
            } else if (synonym != null) {
                mapped.put(key, new Mapping(old, checked(synonym, old, currentByKey, sameName), Rule.SYNONYM));
            } else {
                unmapped.add(old);
            }
        }
        return new LegacyMapping(Collections.unmodifiableMap(mapped), List.copyOf(unmapped));
    }

    /** A synonym row must name both classes as the data does, and must not shadow a same-name match. */
    private static DirectoryRow checked(SynonymRow s, DirectoryRow old, Map<Key, DirectoryRow> currentByKey,
                                        List<DirectoryRow> sameName) {
        var target = currentByKey.get(new Key(s.kind(), s.currentCode()));
        if (!old.name().equals(s.legacyName()) || target == null || !target.name().equals(s.currentName())
                || !sameName.isEmpty()) {
            throw new IllegalStateException("legacy_synonyms.csv does not match the directories for " + s);
        }
        return target;
    }

    static String normal(String name) {
        return PUNCTUATION.matcher(BRACKETS.matcher(name).replaceAll("")).replaceAll("");
    }

    Optional<Mapping> of(ClassKind kind, String legacyCode) {
        return Optional.ofNullable(byLegacy.get(new Key(kind, legacyCode)));
    }

    List<Mapping> all() {
        return List.copyOf(byLegacy.values());
    }

    List<DirectoryRow> unmapped() {
        return unmapped;
    }

    /** The legacy codes per current class. */
    Map<Key, List<String>> legacyCodesByCurrent() {
        var result = new HashMap<Key, List<String>>();
        byLegacy.values().forEach(m -> result.computeIfAbsent(new Key(m.current().kind(), m.current().code()),
                k -> new ArrayList<>()).add(m.legacy().code()));
        return result;
    }
}
