package org.citygrid.catalog;

/** Whether a class names a physical object in public space or a situation or behaviour. */
public enum ClassKind {
    /** 管理部件 (legacy: 部件) — a physical object such as a manhole cover or a street lamp. */
    COMPONENT,
    /** 管理事项 (legacy: 事件) — a situation or behaviour, including the “X异常” state of a component X. */
    MATTER;

    /** The kind named in the reference CSVs' {@code kind} column: {@code component} or {@code event}. */
    public static ClassKind fromReference(String value) {
        return switch (value.strip()) {
            case "component" -> COMPONENT;
            case "event", "matter" -> MATTER;
            default -> throw new IllegalArgumentException("unknown class kind in reference data: " + value);
        };
    }

    public String messageKey() {
        return "catalog.kind." + name();
    }
}
