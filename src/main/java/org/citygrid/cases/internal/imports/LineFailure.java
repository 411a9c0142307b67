package org.citygrid.cases.internal.imports;

/**
 * Why one line of an import was refused: a message key of the cases bundle and its arguments (arguments may
 * themselves be resolvable messages, e.g. the refusal of the state machine). Nothing of the line is stored.
 */
final class LineFailure extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    LineFailure(String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
