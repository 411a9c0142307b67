package org.citygrid.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/** Reads the small reference CSVs shipped in the jar: RFC 4180 quoting, one record a line, a header row. */
final class Csv {

    private Csv() {
    }

    /** One data row, read by column name. */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            var value = values.get(column);
            if (value == null) {
                throw new IllegalStateException("line " + line + ": no column " + column);
            }
            return value.strip();
        }
    }

    static List<Row> read(String classpathLocation) {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(classpathLocation).getInputStream(), StandardCharsets.UTF_8))) {
            var header = split(reader.readLine());
            var rows = new ArrayList<Row>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var cells = split(line);
                var values = new HashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), i < cells.size() ? cells.get(i) : "");
                }
                rows.add(new Row(number, values));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference data " + classpathLocation, e);
        }
    }

    static List<String> split(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
