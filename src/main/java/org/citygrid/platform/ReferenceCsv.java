package org.citygrid.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the reference CSV files shipped in the jar (division codes, the classification, local standards): UTF-8,
 * RFC 4180, a header row. Rows are read by column name and keep their line number for error messages.
 */
public final class ReferenceCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    private ReferenceCsv() {
    }

    /** One data row. */
    public record Row(long line, Map<String, String> values) {

        /** The stripped value of a column; a column missing from the file is a packaging error. */
        public String get(String column) {
            var value = values.get(column);
            if (value == null) {
                throw new IllegalStateException("line " + line + ": no column " + column);
            }
            return value.strip();
        }
    }

    public static List<Row> read(String classpathLocation) {
        try (var reader = new InputStreamReader(new ClassPathResource(classpathLocation).getInputStream(),
                StandardCharsets.UTF_8); var parser = FORMAT.parse(reader)) {
            return parser.stream().map(r -> new Row(r.getParser().getCurrentLineNumber(), r.toMap())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + classpathLocation, e);
        }
    }
}
