package org.citygrid.assets.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The inventory's CSV file (UTF-8, RFC 4180, comma, header row). Import reads the columns by name in any order; only
 * {@code id} is required. {@code gridCode} is written by the export and ignored by the import (the grid is located
 * from the point), so an exported file imports unchanged.
 */
final class CsvFormat {

    static final List<String> HEADER = List.of("id", "classCode", "name", "description", "state", "lon", "lat",
            "geometry", "ownerDepartmentCode", "maintainerDepartmentCode", "gridCode");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvFormat() {
    }

    /** Reads every data row into the import, or records why the file as a whole cannot be read. */
    static void read(String text, ComponentImport into, int maxRows) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        var lineStarts = lineStarts(text);
        try (var parser = FORMAT.parse(new StringReader(text))) {
            Map<String, Integer> columns = null;
            int rows = 0;
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, firstNonBlank(text, record.getCharacterPosition()));
                if (columns == null) {
                    columns = header(record, into);
                    if (columns == null) {
                        return;
                    }
                    continue;
                }
                if (++rows > maxRows) {
                    into.problem(null, null, "assets.import.too-many-rows", maxRows);
                    return;
                }
                if (record.size() != columns.size()) {
                    into.problem(line, null, "assets.import.csv.fields", columns.size(), record.size());
                    continue;
                }
                into.add(raw(line, record, columns, into));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            into.problem(null, null, "assets.import.csv.malformed", String.valueOf(e.getMessage()));
        }
    }

    private static Map<String, Integer> header(CSVRecord record, ComponentImport into) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < record.size(); i++) {
            var name = record.get(i).strip();
            if (!HEADER.contains(name)) {
                into.problem(1, name, "assets.import.csv.column.unknown", name, String.join(",", HEADER));
            } else if (columns.putIfAbsent(name, i) != null) {
                into.problem(1, name, "assets.import.csv.column.duplicate", name);
            }
        }
        if (!columns.containsKey("id")) {
            into.problem(1, "id", "assets.import.csv.column.missing", "id");
        }
        return columns.containsKey("id") && columns.size() == record.size() ? columns : null;
    }

    private static ComponentImport.Raw raw(int line, CSVRecord r, Map<String, Integer> columns, ComponentImport into) {
        Geometry shape = null;
        var wkt = ComponentImport.blankToNull(value(r, columns, "geometry"));
        if (wkt != null) {
            try {
                shape = new WKTReader().read(wkt);
            } catch (ParseException | IllegalArgumentException e) {
                into.problem(line, "geometry", "assets.import.geometry.wkt", String.valueOf(e.getMessage()));
            }
        }
        return new ComponentImport.Raw(line, value(r, columns, "id"), value(r, columns, "classCode"),
                value(r, columns, "name"), value(r, columns, "description"), value(r, columns, "state"),
                value(r, columns, "lon"), value(r, columns, "lat"), shape, value(r, columns, "ownerDepartmentCode"),
                value(r, columns, "maintainerDepartmentCode"));
    }

    private static String value(CSVRecord r, Map<String, Integer> columns, String name) {
        var i = columns.get(name);
        return i == null ? null : r.get(i);
    }

    /** Character offsets at which each line starts (index 0 = line 1). */
    private static int[] lineStarts(String text) {
        var starts = new ArrayList<Integer>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A record's position may point at the empty lines skipped before it; its line is where its text starts. */
    private static long firstNonBlank(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static int lineOf(int[] starts, long position) {
        int i = Arrays.binarySearch(starts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    static CSVPrinter printer(Writer out) throws IOException {
        var printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(HEADER);
        return printer;
    }

    static void print(CSVPrinter printer, Component c) throws IOException {
        printer.printRecord(c.id(), c.classCode(), c.name(), c.description(), c.state().name(), c.lon(), c.lat(),
                c.shape(), c.ownerDepartmentCode(), c.maintainerDepartmentCode(), c.gridCode());
    }
}
