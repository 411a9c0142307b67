package org.citygrid.cases;

import java.util.regex.Pattern;

/**
 * What a person narrows their work queue to: only cases with a running clock past its deadline, a class (its 5
 * digits, or the 2 of its major class), a region (a district, street, community or grid code — a grid's code begins
 * with its divisions' codes). A field that is blank or not a well-formed code means "any".
 */
public record QueueFilter(boolean overdueOnly, String classCode, String regionCode) {

    private static final Pattern CLASS = Pattern.compile("\\d{2}|\\d{5}");
    private static final Pattern REGION = Pattern.compile("\\d{6,15}");

    public QueueFilter {
        classCode = wellFormed(classCode, CLASS);
        regionCode = wellFormed(regionCode, REGION);
    }

    public static QueueFilter none() {
        return new QueueFilter(false, null, null);
    }

    /** Whether {@code text} would be dropped as a class code (not blank and not 2 or 5 digits). */
    public static boolean isMalformedClass(String text) {
        return text != null && !text.isBlank() && wellFormed(text, CLASS) == null;
    }

    /** Whether {@code text} would be dropped as a region code (not blank and not 6 to 15 digits). */
    public static boolean isMalformedRegion(String text) {
        return text != null && !text.isBlank() && wellFormed(text, REGION) == null;
    }

    private static String wellFormed(String text, Pattern pattern) {
        if (text == null) {
            return null;
        }
        var code = text.strip();
        return pattern.matcher(code).matches() ? code : null;
    }
}
