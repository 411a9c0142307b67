package org.citygrid.intake.portal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * 查询码 — tracking codes: 10 symbols from an alphabet of 31 without look-alikes (no 0/O, 1/I/L), about 49.5 bits
 * from a {@link SecureRandom}; shown as {@code ABCDE-FGHJK}, typed in any case, with or without the dash or spaces.
 */
final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    private final SecureRandom random;

    TrackingCodes(SecureRandom random) {
        this.random = random;
    }

    String next() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored form of what someone typed, if it can be a code at all. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 3 * LENGTH) {
            return Optional.empty();
        }
        var code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** {@code ABCDE-FGHJK}: easier to read out and to type. */
    static String display(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }
}
