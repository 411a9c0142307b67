package org.citygrid.evaluation.web;

import java.util.List;
import java.util.Locale;

import org.citygrid.evaluation.internal.Report;
import org.citygrid.platform.DomainException;

/**
 * A drill-down subject: {@code department:water}, {@code supervisor:supervisor1}, {@code operator:…},
 * {@code shiftLead:…}, {@code dispatcher:…}, {@code street:…}, {@code community:…}, {@code grid:…}.
 */
record Drill(Report.Subject subject, String variant, String key) {

    static final List<String> PREFIXES = List.of("department", "supervisor", "operator", "shiftLead", "dispatcher",
            "street", "community", "grid");

    static Drill parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new DomainException.BadRequest("subject", "evaluation.drill.subject-invalid", text);
        }
        var kind = text.substring(0, colon);
        var key = text.substring(colon + 1);
        return switch (kind) {
            case "department" -> new Drill(Report.Subject.DEPARTMENTS, null, key);
            case "supervisor" -> new Drill(Report.Subject.SUPERVISORS, null, key);
            case "operator" -> new Drill(Report.Subject.POSITIONS, "OPERATOR", key);
            case "shiftLead" -> new Drill(Report.Subject.POSITIONS, "SHIFT_LEAD", key);
            case "dispatcher" -> new Drill(Report.Subject.POSITIONS, "DISPATCHER", key);
            case "street", "community", "grid" -> new Drill(Report.Subject.REGIONS, kind.toUpperCase(Locale.ROOT),
                    key);
            default -> throw new DomainException.BadRequest("subject", "evaluation.drill.subject-invalid", text);
        };
    }

    /** The subject text for a row of a report (the inverse of {@link #parse}). */
    static String of(Report report, String key) {
        return switch (report.subject()) {
            case DEPARTMENTS -> "department:" + key;
            case SUPERVISORS -> "supervisor:" + key;
            case POSITIONS -> switch (report.variant()) {
                case "SHIFT_LEAD" -> "shiftLead:" + key;
                case "DISPATCHER" -> "dispatcher:" + key;
                default -> "operator:" + key;
            };
            case REGIONS -> report.variant().toLowerCase(Locale.ROOT) + ":" + key;
        };
    }

    /** The items behind a count of this subject in a report (none when the subject has no row). */
    List<Report.Item> items(Report report, String figure) {
        var counts = report.figures().stream().filter(f -> !f.endsWith("Rate") && !f.endsWith("Score")
                && !f.equals("unitGrids") && !f.equals("filedPerGrid")).toList();
        if (!counts.contains(figure)) {
            throw new DomainException.BadRequest("figure", "evaluation.drill.figure-invalid", figure,
                    String.join(", ", counts));
        }
        var row = report.row(key);
        return row == null ? List.of() : row.items().getOrDefault(figure, List.of());
    }
}
