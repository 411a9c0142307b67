package org.citygrid.assets.internal;

import java.util.regex.Pattern;

/**
 * 管理部件标识码 — the 17-digit component identifier of GB/T 47678.5-2026: 6-digit county code (GB/T 2260) + 2-digit
 * major class + 3-digit subclass + 6-digit serial number. This type checks the shape only; whether the county and the
 * class exist is checked against the geography and the catalog where a component is written.
 */
public record ComponentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}");

    public ComponentId {
        var problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + value);
        }
    }

    /** The bundle key of what is wrong with the text as an identifier, or null when its shape is right. */
    public static String problem(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return "assets.id.shape";
        }
        if (text.endsWith("000000")) {
            return "assets.id.serial";
        }
        return null;
    }

    public static boolean isWellFormed(String text) {
        return problem(text) == null;
    }

    public static ComponentId of(String county, String classCode, int serial) {
        return new ComponentId(county + classCode + "%06d".formatted(serial));
    }

    /** The 6-digit county-level division code. */
    public String county() {
        return value.substring(0, 6);
    }

    /** The 5-digit component class code (major + subclass). */
    public String classCode() {
        return value.substring(6, 11);
    }

    public String serial() {
        return value.substring(11);
    }

    @Override
    public String toString() {
        return value;
    }
}
