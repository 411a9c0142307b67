package org.citygrid.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;

/**
 * Every action of shared/domain/WORKFLOW.md, with its wire name ({@code send-verify}, {@code request-return}). As an
 * argument of a problem text an action reads as its label in the reader's language.
 */
public enum CaseAction implements MessageSourceResolvable {
    REPORT, ACCEPT, SEND_VERIFY, VERIFY, FILE, REJECT, MERGE, DISPATCH, RECEIVE,
    REQUEST_RETURN, APPROVE_RETURN, DENY_RETURN,
    REQUEST_EXTENSION, APPROVE_EXTENSION, DENY_EXTENSION,
    REQUEST_PARK, APPROVE_PARK, DENY_PARK, RESUME,
    FEEDBACK, SEND_CHECK, CHECK, CLOSE,
    REQUEST_VOID, APPROVE_VOID, DENY_VOID,
    URGE;

    /** The kebab-case name used in URLs and JSON, e.g. {@code approve-extension}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CaseAction> fromWireName(String wire) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wire)).findFirst();
    }

    public String messageKey() {
        return "cases.action." + wireName();
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey()};
    }

    @Override
    public String getDefaultMessage() {
        return wireName();
    }
}
