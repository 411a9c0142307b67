package org.citygrid.assets.internal;

import java.util.Locale;
import java.util.Optional;

/** 部件状态 — the state of a component as the census records it (GB/T 47678.5 attribute 状态). */
public enum ComponentState {
    /** 完好 — in working order. */
    INTACT("完好"),
    /** 破损 — damaged. */
    DAMAGED("破损"),
    /** 丢失 — missing (e.g. a stolen manhole cover). */
    MISSING("丢失"),
    /** 占用 — occupied or blocked by something else. */
    OCCUPIED("占用");

    private final String label;

    ComponentState(String label) {
        this.label = label;
    }

    /** The Chinese label of the standard. */
    public String label() {
        return label;
    }

    /** Message-bundle key of the state's name in the user's language. */
    public String messageKey() {
        return "assets.state." + name();
    }

    /** The state named by its code ({@code INTACT}, case-insensitive) or by its Chinese label ({@code 完好}). */
    public static Optional<ComponentState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var t = text.strip();
        for (var s : values()) {
            if (s.name().equals(t.toUpperCase(Locale.ROOT)) || s.label.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
