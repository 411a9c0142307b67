package org.citygrid.cases;

import java.time.LocalDate;
import java.util.Set;

import org.citygrid.catalog.ClassKind;

/**
 * The filters of the case list; null means "any". {@code from} and {@code to} are report dates (inclusive) in the
 * jurisdiction's zone; {@code overdue} selects cases with (true) or without (false) a running clock past its deadline.
 */
public record CaseFilter(Set<CaseStatus> statuses, String departmentCode, String gridCode, String streetCode,
                         ClassKind kind, String classCode, Channel channel, Boolean overdue, LocalDate from,
                         LocalDate to) {

    public CaseFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static CaseFilter none() {
        return new CaseFilter(Set.of(), null, null, null, null, null, null, null, null, null);
    }
}
