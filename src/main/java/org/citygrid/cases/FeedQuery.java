package org.citygrid.cases;

import java.time.Instant;
import java.util.List;

import org.citygrid.catalog.ClassKind;

/**
 * A selection of cases for a public feed (Open311 GET requests): either explicit ids (which override everything
 * else) or classes, a report-time window [{@code from}, {@code to}) and open/closed; newest first, at most
 * {@code limit} from {@code offset}. Empty lists mean "any"; {@code open} null means both.
 */
public record FeedQuery(List<Long> ids, List<ClassRef> classes, Instant from, Instant to, Boolean open, int offset,
                        int limit) {

    /** A class by kind and code. */
    public record ClassRef(ClassKind kind, String code) {
    }

    public FeedQuery {
        ids = ids == null ? List.of() : List.copyOf(ids);
        classes = classes == null ? List.of() : List.copyOf(classes);
    }
}
