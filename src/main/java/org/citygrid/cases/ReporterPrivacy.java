package org.citygrid.cases;

import java.util.Set;

import org.citygrid.org.Role;

/**
 * Reporters' identities are confidential (procedures.md §3.2): the case API and pages, the hotline's lists and exports
 * show a citizen's phone masked ({@code 138****1234}) and name masked ({@code 张**}) to everybody except the roles
 * that must reach the caller: OPERATOR (takes calls and calls back) and ADMIN (maintenance, complaints about the
 * service). A supervisor's report names the supervisor, a colleague: that is not masked.
 */
public final class ReporterPrivacy {

    public static final Set<Role> SEE_CONTACT = Set.of(Role.OPERATOR, Role.ADMIN);

    private ReporterPrivacy() {
    }

    public static boolean seesContact(Actor viewer) {
        return viewer.roles().stream().anyMatch(SEE_CONTACT::contains);
    }

    public static String phone(String phone, Actor viewer) {
        return seesContact(viewer) ? phone : maskPhone(phone);
    }

    public static String name(String name, Actor viewer) {
        return seesContact(viewer) ? name : maskName(name);
    }

    /** Keeps the first three and the last four digits: 13812341234 → 138****1234; short numbers keep the last two. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() < 8) {
            return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Keeps the first character (the family name): 张三丰 → 张**. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** The reporter's name as this viewer may see it on a case: a citizen's masked, a supervisor's as is. */
    public static String reporterName(Case c, Actor viewer) {
        return c.channel() == Channel.SUPERVISOR ? c.reporterName() : name(c.reporterName(), viewer);
    }
}
