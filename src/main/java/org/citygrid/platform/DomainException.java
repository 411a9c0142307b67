package org.citygrid.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule of the domain was broken by what the caller asked for. Mapped once, in the web layer, to an RFC 9457
 * problem whose text comes from the message bundles ({@link #messageKey()} with {@link #arguments()}).
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.Invalid,
        DomainException.BadRequest, DomainException.Forbidden {

    private final String messageKey;
    private final transient Object[] arguments;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * Without a stack trace: a domain exception is an answer to the caller (a 4xx), not a fault to debug, and its key
     * and arguments say all there is. Filling in the trace was, measured, 6 % of the intake's CPU: every case view asks
     * each action whether it is allowed, and a refused one is one of these (docs/PERFORMANCE.md, "Report intake").
     */
    protected DomainException(String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    @Override
    public String getMessage() {
        return messageKey + " " + Arrays.asList(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Adds a member to the problem, for clients that act on it (e.g. {@code currentStatus} of a case). */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** The caller may not do this to this thing: their role, department or task does not own it (403). */
    public static final class Forbidden extends DomainException {
        public Forbidden(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The thing named does not exist (404). */
    public static final class NotFound extends DomainException {
        public NotFound(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The request clashes with the current state, e.g. a duplicate code or a stale version (409). */
    public static final class Conflict extends DomainException {
        public Conflict(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The request is well-formed but semantically wrong, e.g. an unknown department (422). */
    public static final class Invalid extends DomainException {
        private final List<String> fields;

        public Invalid(String field, String messageKey, Object... arguments) {
            super(messageKey, arguments);
            this.fields = field == null ? List.of() : List.of(field);
        }

        /** A problem that more than one field can fix (e.g. a photo or a reason): the problem lists each of them. */
        public Invalid(List<String> fields, String messageKey, Object... arguments) {
            super(messageKey, arguments);
            this.fields = List.copyOf(fields);
        }

        /** The (first) request field to fix, or null when the problem is not about a field. */
        public String field() {
            return fields.isEmpty() ? null : fields.getFirst();
        }

        /** Every request field that would fix the problem. */
        public List<String> fields() {
            return fields;
        }
    }

    /** A request parameter is out of its allowed range (400). */
    public static final class BadRequest extends DomainException {
        private final String field;

        public BadRequest(String field, String messageKey, Object... arguments) {
            super(messageKey, arguments);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
