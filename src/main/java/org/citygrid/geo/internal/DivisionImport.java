package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.locationtech.jts.geom.Geometry;

import tools.jackson.databind.JsonNode;

/**
 * Checks a GeoJSON FeatureCollection of division boundaries and turns it into a plan of divisions to write, or
 * rejects it with every problem found. Accepts plain ({@code code, name, level, parentCode}) and DataV-style
 * ({@code adcode, name, level, parent.adcode}) properties. Invalid polygons are repaired with JTS's GeometryFixer
 * where that yields a non-empty valid polygon; each repair is reported.
 */
final class DivisionImport {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");
    private static final Map<String, DivisionLevel> LEVELS = Map.of(
            "district", DivisionLevel.DISTRICT, "county", DivisionLevel.DISTRICT,
            "street", DivisionLevel.STREET, "town", DivisionLevel.STREET, "township", DivisionLevel.STREET,
            "community", DivisionLevel.COMMUNITY, "village", DivisionLevel.COMMUNITY);

    /** One division to create or update. {@code parentCode} is null for districts. */
    record Entry(int feature, String code, String name, DivisionLevel level, String parentCode, Geometry wgs84) {
    }

    record Plan(List<Entry> entries, List<FeatureProblem> repaired) {
    }

    private final List<FeatureProblem> errors = new ArrayList<>();
    private final List<FeatureProblem> repaired = new ArrayList<>();

    private DivisionImport() {
    }

    /**
     * @param storedLevels the level of a division already stored under a code, or null when there is none
     * @throws ImportRejected with every problem when the file cannot be imported as a whole
     */
    static Plan check(JsonNode root, Crs crs, Function<String, DivisionLevel> storedLevels) {
        return new DivisionImport().run(root, crs, storedLevels);
    }

    private Plan run(JsonNode root, Crs crs, Function<String, DivisionLevel> storedLevels) {
        var features = GeoJsonGeometry.features(root);
        var entries = new ArrayList<Entry>();
        var firstByCode = new HashMap<String, Integer>();
        for (int i = 0; i < features.size(); i++) {
            var entry = feature(i, features.get(i), crs);
            if (entry == null) {
                continue;
            }
            var first = firstByCode.putIfAbsent(entry.code(), i);
            if (first != null) {
                errors.add(new FeatureProblem(i, entry.code(), "geo.import.code.duplicate", first));
            } else {
                entries.add(entry);
            }
        }
        var inFile = new HashMap<String, DivisionLevel>();
        entries.forEach(e -> inFile.put(e.code(), e.level()));
        for (var e : entries) {
            checkParent(e, inFile, storedLevels);
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
        var code = text(props.has("code") ? props.get("code") : props.get("adcode"));
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FeatureProblem(index, code, "geo.import.code.invalid", code == null ? "" : code));
            return null;
        }
        var name = text(props.get("name"));
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FeatureProblem(index, code, "geo.import.name.invalid"));
            return null;
        }
        var levelText = text(props.get("level"));
        var level = levelText == null ? null : level(levelText);
        if (level == null) {
            errors.add(new FeatureProblem(index, code, "geo.import.level.unknown", levelText == null ? "" : levelText));
            return null;
        }
        if (code.length() != level.codeLength()) {
            errors.add(new FeatureProblem(index, code, "geo.import.level.code-length", level, level.codeLength()));
            return null;
        }
        var geometry = geometry(index, code, feature.get("geometry"), crs);
        return geometry == null ? null : new Entry(index, code, name.strip(), level, parentCode(props, code, level),
                geometry);
    }

    private Geometry geometry(int index, String code, JsonNode json, Crs crs) {
        return GeoJsonGeometry.readValid(json, crs, index, code, errors, repaired);
    }

    /** Districts have no parent in this model; below them the parent is given or follows from the code's prefix. */
    private static String parentCode(JsonNode props, String code, DivisionLevel level) {
        if (level == DivisionLevel.DISTRICT) {
            return null;
        }
        var given = text(props.get("parentCode"));
        if (given == null) {
            given = text(props.path("parent").get("adcode"));
        }
        return given != null ? given : code.substring(0, level.parent().codeLength());
    }

    private void checkParent(Entry e, Map<String, DivisionLevel> inFile, Function<String, DivisionLevel> stored) {
        if (e.parentCode() == null) {
            return;
        }
        var parentLevel = inFile.containsKey(e.parentCode()) ? inFile.get(e.parentCode()) : stored.apply(e.parentCode());
        if (parentLevel == null) {
            errors.add(new FeatureProblem(e.feature(), e.code(), "geo.import.parent.unknown", e.parentCode()));
        } else if (parentLevel != e.level().parent()) {
            errors.add(new FeatureProblem(e.feature(), e.code(), "geo.import.parent.level", e.parentCode(),
                    parentLevel, e.level().parent()));
        }
    }

    private static DivisionLevel level(String text) {
        var lower = text.strip().toLowerCase(Locale.ROOT);
        return LEVELS.get(lower);
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
