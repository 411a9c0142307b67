package org.citygrid.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import org.citygrid.catalog.ClassKind;
import org.citygrid.platform.ReferenceCsv;

/**
 * The reference files under {@code reference/catalog/} (copies of shared/domain, see docs/CATALOG.md), read into
 * rows. The files are part of the release; a malformed file fails start-up rather than seeding half a directory.
 */
record ReferenceData(List<DirectoryRow> current, List<DirectoryRow> legacy, List<StandardRow> standards,
                     List<SynonymRow> synonyms) {

    static final String BASE = "reference/catalog/";

    /** A class of a directory: GB/T 47678.5-2026 (5-digit codes) or CJ/T 214-2007 (4-digit codes). */
    record DirectoryRow(ClassKind kind, String majorCode, String majorName, String code, String name, String nameEn) {
    }

    /** A row of case_standards.csv: one local standard's criteria and time limit for one (legacy) class. */
    record StandardRow(long line, ClassKind kind, String name, String filingCriteria, String closingCriteria,
                       String timeLimit, List<String> legacyCodes, String sourceCity, String sourceType,
                       String sourceUrl) {

        /** City regulations and notices are marked in source_type; they rank after real 数字城管 case standards. */
        boolean isCaseStandard() {
            return !sourceType.contains("not a 数字城管 case standard");
        }

        String basis() {
            return sourceCity + " — " + sourceType + ": " + timeLimit + " (" + sourceUrl + ")";
        }
    }

    /** A hand-written legacy → current mapping where the names differ (legacy_synonyms.csv). */
    record SynonymRow(ClassKind kind, String legacyCode, String legacyName, String currentCode, String currentName) {
    }

    static ReferenceData load() {
        return new ReferenceData(directory(BASE + "classification_gbt47678-5-2026.csv", 5),
                directory(BASE + "classification.csv", 4), readStandards(), readSynonyms());
    }

    private static List<DirectoryRow> directory(String location, int codeLength) {
        return ReferenceCsv.read(location).stream().map(r -> {
            var code = r.get("sub_code");
            if (code.length() != codeLength || !code.chars().allMatch(Character::isDigit)
                    || !code.startsWith(r.get("major_code"))) {
                throw new IllegalStateException(location + " line " + r.line() + ": bad code " + code);
            }
            return new DirectoryRow(ClassKind.fromReference(r.get("kind")), r.get("major_code"),
                    r.get("major_name_zh"), code, r.get("sub_name_zh"), r.get("sub_name_en"));
        }).toList();
    }

    private static List<StandardRow> readStandards() {
        return ReferenceCsv.read(BASE + "case_standards.csv").stream().map(r -> new StandardRow(r.line(),
                ClassKind.fromReference(r.get("kind")), r.get("sub_name_zh"), r.get("filing_criteria_zh"),
                r.get("closing_criteria_zh"), r.get("time_limit"), legacyCodes(r.get("maps_to_classification_csv_code")),
                r.get("source_city"), r.get("source_type"), r.get("source_url"))).toList();
    }

    private static List<SynonymRow> readSynonyms() {
        return ReferenceCsv.read(BASE + "legacy_synonyms.csv").stream().map(r -> new SynonymRow(
                ClassKind.fromReference(r.get("kind")), r.get("legacy_code"), r.get("legacy_name_zh"),
                r.get("current_code"), r.get("current_name_zh"))).toList();
    }

    /** Expands a cell such as 0101 or 0101-0114,0127-0130 into single codes; an empty cell gives none. */
    static List<String> legacyCodes(String cell) {
        var codes = new ArrayList<String>();
        for (var part : cell.split(",")) {
            var range = part.strip();
            if (range.isEmpty()) {
                continue;
            }
            var ends = range.split("-");
            int from = Integer.parseInt(ends[0].strip());
            int to = Integer.parseInt(ends[ends.length - 1].strip());
            for (int code = from; code <= to; code++) {
                codes.add(String.format("%04d", code));
            }
        }
        return codes;
    }
}
