package org.citygrid.assets.internal;

/**
 * What is wrong with one row of an imported file: {@code line} (CSV, 1-based, the header is line 1) or {@code feature}
 * (GeoJSON, 0-based index) — both null for the file as a whole — the field to fix, and the text's bundle key.
 */
public record ImportProblem(Integer line, Integer feature, String field, String messageKey, Object... arguments) {
}
