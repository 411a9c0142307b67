package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.GeocodeCandidate.Kind;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.LonLat;

/**
 * One immutable snapshot of the gazetteer (地名库): every division by code with its normalised short name and its
 * representative point, and every imported address point with its normalised name and address. A query is matched by
 * where the names occur in its normal form ({@link AddressText}): a division is found by its short name, extended by
 * any suffix of its level that follows it; an address point by its whole normalised name or address. A candidate's
 * score is 0.8 × the share of the query it and its own parent divisions explain + 0.2 × how specific it is
 * (address 1, community 0.75, street 0.5, district 0.25), so that street + community together beat either alone.
 */
final class Gazetteer {

    /** A division as the gazetteer knows it; {@code point} and {@code location} are null without a boundary. */
    record DivisionEntry(String code, String name, DivisionLevel level, String parentCode, LonLat point,
                         GridLocation location) {
    }

    /** An imported address point; {@code location} is null when no grid covers it. */
    record AddressEntry(String name, String address, double lon, double lat, GridLocation location) {
    }

    private record Named(DivisionEntry entry, String shortKey, boolean shortAlone) {
    }

    private record Addressed(AddressEntry entry, String nameKey, String addressKey) {
    }

    private record Scored(GeocodeCandidate candidate, String sortKey) {
    }

    private static final int MIN_SHORT_NAME = 2;

    static final Gazetteer EMPTY = of(List.of(), List.of());

    private final List<Named> divisions;
    private final Map<String, Named> byCode;
    private final List<Addressed> addresses;
    /** Address points by each of their keys (normalised name, normalised address). */
    private final Map<String, List<Addressed>> byKey = new HashMap<>();
    /** Address points (their index) by every two-character piece of their keys, for fragments of a key. */
    private final Map<String, List<Integer>> byBigram = new HashMap<>();
    private int longestKey;

    private Gazetteer(List<Named> divisions, List<Addressed> addresses) {
        this.divisions = divisions;
        this.addresses = addresses;
        this.byCode = new HashMap<>();
        divisions.forEach(d -> byCode.put(d.entry().code(), d));
        for (int i = 0; i < addresses.size(); i++) {
            index(i, addresses.get(i));
        }
    }

    private void index(int i, Addressed a) {
        for (var key : a.nameKey().equals(a.addressKey()) ? List.of(a.nameKey()) : List.of(a.nameKey(),
                a.addressKey())) {
            if (key.isEmpty()) {
                continue;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(a);
            longestKey = Math.max(longestKey, key.length());
            for (int at = 0; at + 2 <= key.length(); at++) {
                var postings = byBigram.computeIfAbsent(key.substring(at, at + 2), k -> new ArrayList<>());
                if (postings.isEmpty() || postings.getLast() != i) {
                    postings.add(i);
                }
            }
        }
    }

    static Gazetteer of(List<DivisionEntry> divisions, List<AddressEntry> addresses) {
        var named = divisions.stream().map(d -> {
            var key = AddressText.shortName(d.name(), d.level());
            return new Named(d, key, key.length() >= MIN_SHORT_NAME);
        }).toList();
        var names = new HashMap<String, DivisionEntry>();
        divisions.forEach(d -> names.put(d.code(), d));
        var addressed = addresses.stream().map(a -> new Addressed(a, AddressText.query(a.name()),
                addressKey(a, names))).toList();
        return new Gazetteer(named, addressed);
    }

    int divisionCount() {
        return divisions.size();
    }

    int addressCount() {
        return addresses.size();
    }

    Optional<DivisionEntry> division(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code)).map(Named::entry);
    }

    /** Candidates for the text, best first; ties go to the more specific kind, then to the smaller code. */
    List<GeocodeCandidate> search(String text, int limit) {
        var q = AddressText.query(text);
        if (q.isEmpty()) {
            return List.of();
        }
        var spans = new HashMap<String, int[]>();
        for (var d : divisions) {
            var span = span(q, d);
            if (span != null) {
                spans.put(d.entry().code(), span);
            }
        }
        var scored = new ArrayList<Scored>();
        spans.forEach((code, span) -> {
            var d = byCode.get(code);
            if (d.entry().point() != null) {
                scored.add(division(q, d, spans));
            }
        });
        var found = addressesIn(q);
        found.forEach((a, span) -> scored.add(address(q, a, span, 1, spans)));
        for (var a : addressesAround(q)) {
            if (!found.containsKey(a)) {
                var within = shortestContaining(q, a.nameKey(), a.addressKey());
                if (within != null) {
                    double partial = q.length() / (double) within.length();
                    scored.add(address(q, a, new int[] {0, q.length()}, partial, spans));
                }
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble((Scored s) -> -s.candidate().score())
                        .thenComparing(s -> s.candidate().kind()).thenComparing(Scored::sortKey))
                .limit(limit).map(Scored::candidate).toList();
    }

    /** The nearest address point within {@code maxMetres} of the WGS84 point. */
    Optional<AddressEntry> nearest(double lon, double lat, double maxMetres) {
        var projection = LocalProjection.around(lon, lat);
        AddressEntry best = null;
        double bestSquared = maxMetres * maxMetres;
        for (var a : addresses) {
            double dx = (a.entry().lon() - lon) * projection.metresPerDegreeLon();
            double dy = (a.entry().lat() - lat) * projection.metresPerDegreeLat();
            double squared = dx * dx + dy * dy;
            if (squared <= bestSquared) {
                best = a.entry();
                bestSquared = squared;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Metres between two nearby WGS84 points. */
    static double distance(double lon, double lat, double lon2, double lat2) {
        var projection = LocalProjection.around(lon, lat);
        return Math.hypot((lon2 - lon) * projection.metresPerDegreeLon(),
                (lat2 - lat) * projection.metresPerDegreeLat());
    }

    /** Where the division's short name occurs, extended by a suffix of its level; the longest such span wins. */
    private static int[] span(String q, Named d) {
        int[] best = null;
        for (int at = q.indexOf(d.shortKey()); at >= 0 && !d.shortKey().isEmpty();
             at = q.indexOf(d.shortKey(), at + 1)) {
            int end = at + d.shortKey().length();
            int suffix = AddressText.suffixAt(q, end, d.entry().level());
            if (suffix == 0 && !d.shortAlone()) {
                continue;
            }
            if (best == null || end + suffix - at > best[1] - best[0]) {
                best = new int[] {at, end + suffix};
            }
        }
        return best;
    }

    private Scored division(String q, Named d, Map<String, int[]> spans) {
        var bits = new BitSet(q.length());
        for (var code = d.entry().code(); code != null; code = parentOf(code)) {
            mark(bits, spans.get(code));
        }
        var e = d.entry();
        var kind = Kind.valueOf(e.level().name());
        var location = e.location();
        var candidate = new GeocodeCandidate(AddressText.displayName(e.name()), kind, e.code(), e.point().lon(),
                e.point().lat(), location == null ? null : location.gridCode(),
                e.level() == DivisionLevel.COMMUNITY ? e.code() : null,
                e.level() == DivisionLevel.DISTRICT ? null : e.code().substring(0, 9), e.code().substring(0, 6),
                score(bits.cardinality() / (double) q.length(), kind), matched(q, bits));
        return new Scored(candidate, e.code());
    }

    /** Address points whose name or address occurs in the query, with the longest such occurrence. */
    private Map<Addressed, int[]> addressesIn(String q) {
        var found = new LinkedHashMap<Addressed, int[]>();
        for (int from = 0; from < q.length(); from++) {
            for (int to = from + 1; to <= Math.min(q.length(), from + longestKey); to++) {
                var hits = byKey.get(q.substring(from, to));
                if (hits == null) {
                    continue;
                }
                var span = new int[] {from, to};
                hits.forEach(a -> found.merge(a, span, Gazetteer::longer));
            }
        }
        return found;
    }

    /** Address points that may contain the whole query: those with its rarest two-character piece. */
    private List<Addressed> addressesAround(String q) {
        if (q.length() < MIN_SHORT_NAME) {
            return List.of();
        }
        List<Integer> rarest = null;
        for (int at = 0; at + 2 <= q.length(); at++) {
            var postings = byBigram.get(q.substring(at, at + 2));
            if (postings == null) {
                return List.of();
            }
            if (rarest == null || postings.size() < rarest.size()) {
                rarest = postings;
            }
        }
        return rarest.stream().map(addresses::get).toList();
    }

    private Scored address(String q, Addressed a, int[] span, double partial, Map<String, int[]> spans) {
        var bits = new BitSet(q.length());
        mark(bits, span);
        var e = a.entry();
        var location = e.location();
        if (location != null) {
            for (var code : new String[] {location.communityCode(), location.streetCode(), location.districtCode()}) {
                mark(bits, code == null ? null : spans.get(code));
            }
        }
        var candidate = new GeocodeCandidate(e.name(), Kind.ADDRESS, null, e.lon(), e.lat(),
                location == null ? null : location.gridCode(), location == null ? null : location.communityCode(),
                location == null ? null : location.streetCode(), location == null ? null : location.districtCode(),
                score(partial * bits.cardinality() / q.length(), Kind.ADDRESS), matched(q, bits));
        return new Scored(candidate, e.name());
    }

    private String parentOf(String code) {
        var d = byCode.get(code);
        return d == null ? null : d.entry().parentCode();
    }

    private static double score(double coverage, Kind kind) {
        double specificity = switch (kind) {
            case ADDRESS -> 1.0;
            case COMMUNITY -> 0.75;
            case STREET -> 0.5;
            case DISTRICT -> 0.25;
        };
        return Math.round((0.8 * coverage + 0.2 * specificity) * 1000) / 1000.0;
    }

    /** The explained characters of the query, runs separated by a space. */
    private static String matched(String q, BitSet bits) {
        var out = new StringBuilder();
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            if (!out.isEmpty() && !bits.get(i - 1)) {
                out.append(' ');
            }
            out.append(q.charAt(i));
        }
        return out.toString();
    }

    private static void mark(BitSet bits, int[] span) {
        if (span != null) {
            bits.set(span[0], span[1]);
        }
    }

    private static int[] longer(int[] a, int[] b) {
        if (a == null || b != null && b[1] - b[0] > a[1] - a[0]) {
            return b;
        }
        return a;
    }

    private static String shortestContaining(String q, String... keys) {
        String best = null;
        for (var key : keys) {
            if (key.contains(q) && (best == null || key.length() < best.length())) {
                best = key;
            }
        }
        return best;
    }

    /**
     * The address text without the city prefix and without the names of the point's own divisions at its start
     * (北京市东城区东华门街道东华门大街5号 → 东华门大街5号), so that it matches however much of the chain a query gives.
     */
    private static String addressKey(AddressEntry a, Map<String, DivisionEntry> names) {
        var key = AddressText.query(a.address());
        if (a.location() == null) {
            return key;
        }
        for (var code : new String[] {a.location().districtCode(), a.location().streetCode(),
                a.location().communityCode()}) {
            var d = code == null ? null : names.get(code);
            if (d == null) {
                continue;
            }
            for (var form : List.of(AddressText.normalise(d.name()),
                    AddressText.normalise(AddressText.displayName(d.name())))) {
                if (key.startsWith(form) && key.length() > form.length()) {
                    key = key.substring(form.length());
                    break;
                }
            }
        }
        return key;
    }
}
