package org.citygrid.cases;

import java.util.regex.Pattern;

/** Original file names made safe to store and to send back in a header: letters, digits, {@code .-_} only. */
final class FileNames {

    static final int MAX_BASE = 80;
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._-]+");

    private FileNames() {
    }

    /** The last path segment, unsafe runs as {@code _}, the extension of the detected type; "photo" when nothing is left. */
    static String safe(String original, String extension) {
        var name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        var base = dot > 0 ? name.substring(0, dot) : name;
        base = UNSAFE.matcher(base).replaceAll("_").replaceAll("^[._-]+", "");
        if (base.length() > MAX_BASE) {
            base = base.substring(0, MAX_BASE);
        }
        return (base.isBlank() ? "photo" : base) + "." + extension;
    }
}
