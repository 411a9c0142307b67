package org.citygrid.geo.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.citygrid.geo.Crs;
import org.citygrid.platform.DomainException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an address-point file (门牌/POI) and turns it into points to write, or rejects it with every problem found.
 * CSV (header {@code name,lon,lat} required, {@code address,crs} optional, any order, any case) or a GeoJSON
 * FeatureCollection of Point features with properties {@code name[, address, crs]}. A row's own {@code crs} overrides
 * the file's. Problems name the CSV line (the header is line 1) or the 0-based GeoJSON feature.
 */
final class AddressImport {

    static final int MAX_POINTS = 200_000;
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 300;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).setTrim(true).get();

    /** A point to store, in WGS84; {@code key} identifies it across imports (normalised name and address). */
    record Point(String name, String address, double lon, double lat, String key) {
    }

    private final Crs crs;
    private final List<AddressProblem> errors = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final Map<String, Integer> firstByKey = new HashMap<>();
    private boolean geoJson;

    private AddressImport(Crs crs) {
        this.crs = crs;
    }

    /** @throws AddressImportRejected with every problem when the file cannot be imported as a whole */
    static List<Point> check(byte[] body, Crs crs, JsonMapper json) {
        return new AddressImport(crs).run(body, json);
    }

    private List<Point> run(byte[] body, JsonMapper json) {
        var text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw rejected(null, "geo.addresses.empty");
        }
        if (text.stripLeading().startsWith("{")) {
            geoJson = true;
            geoJson(parse(json, text));
        } else {
            csv(text);
        }
        if (points.isEmpty() && errors.isEmpty()) {
            errors.add(new AddressProblem(null, null, "geo.addresses.empty"));
        }
        if (!errors.isEmpty()) {
            throw new AddressImportRejected(errors);
        }
        return points;
    }

    private void csv(String text) {
        try (var parser = CSV.parse(new StringReader(text))) {
            var header = parser.getHeaderMap().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.containsAll(List.of("name", "lon", "lat"))) {
                throw rejected(1, "geo.addresses.csv.header", String.join(",", header));
            }
            for (var record : parser) {
                if (points.size() + errors.size() >= MAX_POINTS) {
                    throw rejected(null, "geo.addresses.too-many", MAX_POINTS);
                }
                int line = (int) parser.getCurrentLineNumber();
                add(line, null, get(record, "name"), get(record, "address"), get(record, "lon"), get(record, "lat"),
                        get(record, "crs"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new DomainException.BadRequest("body", "geo.addresses.csv.malformed", String.valueOf(e.getMessage()));
        }
    }

    private static String get(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private void geoJson(JsonNode root) {
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            throw rejected(null, "geo.import.not-feature-collection");
        }
        var features = root.get("features");
        if (features.size() > MAX_POINTS) {
            throw rejected(null, "geo.addresses.too-many", MAX_POINTS);
        }
        for (int i = 0; i < features.size(); i++) {
            var f = features.get(i);
            var coordinates = f.path("geometry").path("coordinates");
            if (!"Feature".equals(f.path("type").asString("")) || !"Point".equals(f.path("geometry").path("type")
                    .asString("")) || !coordinates.isArray() || coordinates.size() < 2) {
                errors.add(new AddressProblem(null, i, "geo.addresses.geojson.point"));
                continue;
            }
            var props = f.path("properties");
            add(null, i, text(props.get("name")), text(props.get("address")), coordinates.get(0).asString(""),
                    coordinates.get(1).asString(""), text(props.get("crs")));
        }
    }

    private void add(Integer line, Integer feature, String name, String address, String lonText, String latText,
                     String crsText) {
        var error = check(name, address);
        Double lon = number(lonText);
        Double lat = number(latText);
        Crs pointCrs = crsText == null || crsText.isBlank() ? crs : crs(crsText);
        if (error == null && (lon == null || lat == null)) {
            error = new Object[] {"geo.addresses.coordinates", String.valueOf(lonText), String.valueOf(latText)};
        } else if (error == null && (lon < -180 || lon > 180 || lat < -90 || lat > 90)) {
            error = new Object[] {"geo.import.geometry.range", lonText, latText};
        } else if (error == null && pointCrs == null) {
            error = new Object[] {"geo.addresses.crs", crsText};
        }
        if (error != null) {
            errors.add(new AddressProblem(line, feature, (String) error[0],
                    Arrays.copyOfRange(error, 1, error.length)));
            return;
        }
        var blankAddress = address == null || address.isBlank();
        var key = AddressText.normalise(name) + "|" + (blankAddress ? "" : AddressText.normalise(address));
        var first = firstByKey.putIfAbsent(key, geoJson ? feature : line);
        if (first != null) {
            errors.add(new AddressProblem(line, feature, "geo.addresses.duplicate", first));
            return;
        }
        var wgs84 = pointCrs.toWgs84(lon, lat);
        points.add(new Point(name.strip(), blankAddress ? null : address.strip(), wgs84.lon(), wgs84.lat(), key));
    }

    /** The whole file is refused for one reason ({@code line} 1 = the CSV header, null = the file). */
    private static AddressImportRejected rejected(Integer line, String messageKey, Object... arguments) {
        return new AddressImportRejected(List.of(new AddressProblem(line, null, messageKey, arguments)));
    }

    private static Object[] check(String name, String address) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME
                || AddressText.normalise(name).isEmpty()) {
            return new Object[] {"geo.addresses.name", MAX_NAME};
        }
        if (address != null && address.strip().length() > MAX_ADDRESS) {
            return new Object[] {"geo.addresses.address", MAX_ADDRESS};
        }
        return null;
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Crs crs(String text) {
        try {
            return Crs.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
    }

    private static JsonNode parse(JsonMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new DomainException.BadRequest("body", "geo.import.malformed-json",
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr());
        }
    }
}
