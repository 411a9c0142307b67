package org.citygrid.intake.hotline;

import java.util.regex.Pattern;

import org.citygrid.platform.DomainException;

/** Callers' phone numbers: a mainland mobile number (11 digits) or a landline with its area code (10–12 digits). */
final class Phones {

    private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");

    private Phones() {
    }

    /** The number with spaces, hyphens and brackets removed; a 422 problem on the field when it is no phone number. */
    static String normalized(String field, String phone) {
        var digits = phone == null ? "" : SEPARATORS.matcher(phone.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (!VALID.matcher(digits).matches()) {
            throw new DomainException.Invalid(field, "hotline.phone.invalid", phone == null ? "" : phone);
        }
        return digits;
    }
}
