package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.locationtech.jts.geom.Geometry;

import tools.jackson.databind.JsonNode;

/**
 * Checks a GeoJSON FeatureCollection of unit grids and turns it into a plan, or rejects it with every problem found.
 * Each feature has a 15-digit {@code code} (GB/T 30428.1: county 6 + street 3 + community 3 + sequence 3, the same
 * scheme {@link GridGenerator} writes) and an optional {@code name}. The code names its parent division: the
 * 12-digit community when its community part is not 000; the 9-digit street when the community part is 000
 * ({@code <street>000<seq>}); the district when the street part is 000 ({@code <district>000<seq6>}). That parent
 * must be stored at that level; the sequence must not be zero. Geometry rules are those of the division import.
 */
final class GridImport {

    private static final Pattern CODE = Pattern.compile("\\d{15}");

    /** One grid to write; {@code parentCode} is the division whose grids the import replaces. */
    record Entry(int feature, String code, String name, String parentCode, Geometry wgs84) {

        String districtCode() {
            return code.substring(0, 6);
        }

        String streetCode() {
            return parentCode.length() >= 9 ? code.substring(0, 9) : null;
        }

        String communityCode() {
            return parentCode.length() == 12 ? parentCode : null;
        }

        /** The prefix shared by every grid of the parent, and only by them. */
        String replacedPrefix() {
            return switch (parentCode.length()) {
                case 12 -> parentCode;
                default -> parentCode + "000";
            };
        }
    }

    record Plan(List<Entry> entries, List<FeatureProblem> repaired) {
    }

    private final List<FeatureProblem> errors = new ArrayList<>();
    private final List<FeatureProblem> repaired = new ArrayList<>();

    private GridImport() {
    }

    /**
     * @param storedLevels the level of a division stored under a code, or null when there is none
     * @throws ImportRejected with every problem when the file cannot be imported as a whole
     */
    static Plan check(JsonNode root, Crs crs, Function<String, DivisionLevel> storedLevels) {
        return new GridImport().run(root, crs, storedLevels);
    }

    /** The parent division a grid code names, or null when the code is not a valid grid code. */
    static String parentOf(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return null;
        }
        if (code.startsWith("000", 6)) {
            return code.endsWith("000000") ? null : code.substring(0, 6);
        }
        if (code.startsWith("000", 9)) {
            return code.endsWith("000") ? null : code.substring(0, 9);
        }
        return code.endsWith("000") ? null : code.substring(0, 12);
    }

    private Plan run(JsonNode root, Crs crs, Function<String, DivisionLevel> storedLevels) {
        var features = GeoJsonGeometry.features(root);
        var entries = new ArrayList<Entry>();
        var firstByCode = new HashMap<String, Integer>();
        var parentLevels = new HashMap<String, DivisionLevel>();
        for (int i = 0; i < features.size(); i++) {
            var entry = feature(i, features.get(i), crs);
            if (entry == null) {
                continue;
            }
            var first = firstByCode.putIfAbsent(entry.code(), i);
            if (first != null) {
                errors.add(new FeatureProblem(i, entry.code(), "geo.import.code.duplicate", first));
                continue;
            }
            var level = parentLevels.computeIfAbsent(entry.parentCode(), storedLevels);
            if (level == null || level.codeLength() != entry.parentCode().length()) {
                errors.add(new FeatureProblem(i, entry.code(), "geo.grids.import.parent.unknown",
                        entry.parentCode()));
                continue;
            }
            entries.add(entry);
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return new Plan(entries, repaired);
    }

    private Entry feature(int index, JsonNode feature, Crs crs) {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
            errors.add(new FeatureProblem(index, null, "geo.import.feature.not-feature"));
            return null;
        }
        var props = feature.path("properties");
        var code = text(props.get("code"));
        var parent = parentOf(code);
        if (parent == null) {
            errors.add(new FeatureProblem(index, code, "geo.grids.import.code", code == null ? "" : code));
            return null;
        }
        var name = text(props.get("name"));
        if (name != null && name.strip().length() > 100) {
            errors.add(new FeatureProblem(index, code, "geo.grids.import.name"));
            return null;
        }
        var geometry = GeoJsonGeometry.readValid(feature.get("geometry"), crs, index, code, errors, repaired);
        return geometry == null ? null : new Entry(index, code, name == null || name.isBlank() ? null : name.strip(),
                parent, geometry);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return node.isString() ? node.stringValue() : null;
    }
}
