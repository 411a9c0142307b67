package org.citygrid.cases;

import java.util.List;

/** The actor may not take this action on this case (their role, department or task does not own it): a 403. */
public class CaseActionForbidden extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public CaseActionForbidden(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
