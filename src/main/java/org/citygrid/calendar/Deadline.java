package org.citygrid.calendar;

import java.time.Instant;
import java.util.List;

/** When a time limit of {@code amount} {@code unit}s started at {@code start} runs out, and why then. */
public record Deadline(Instant start, long amount, TimeUnit unit, Instant at, List<Explanation> explanation) {

    public Deadline {
        explanation = List.copyOf(explanation);
    }
}
