package org.citygrid.geo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.citygrid.geo.DivisionLevel;
import org.springframework.core.io.ClassPathResource;

/** The real NBS 2023 codes and names of Beijing's divisions (reference/divisions/*.csv) for one district. */
final class ReferenceDivisions {

    record Row(String code, String name, DivisionLevel level, String parentCode) {
    }

    private ReferenceDivisions() {
    }

    /** The district, its streets and its communities, in that order. */
    static List<Row> of(String districtCode) {
        var rows = new ArrayList<Row>();
        read("beijing_areas.csv", cols -> cols[0].equals(districtCode), DivisionLevel.DISTRICT, null, rows);
        read("beijing_streets.csv", cols -> cols[2].equals(districtCode), DivisionLevel.STREET, 2, rows);
        read("beijing_villages.csv", cols -> cols.length > 5 && cols[5].equals(districtCode), DivisionLevel.COMMUNITY, 2, rows);
        return rows;
    }

    private static void read(String file, Predicate<String[]> filter, DivisionLevel level,
                             Integer parentColumn, List<Row> into) {
        var csv = new ClassPathResource("reference/divisions/" + file);
        try (var reader = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                var cols = line.split(",");
                if (cols.length > 3 && filter.test(cols)) {
                    into.add(new Row(cols[0], cols[1].replace("\"", ""), level,
                            parentColumn == null ? null : cols[parentColumn]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
