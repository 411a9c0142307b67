package org.citygrid.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.data.relational.core.mapping.Table;

/** One step on a case's record: who did what when, and the state before and after. */
@Table("case_timeline")
public record TimelineEntry(Instant occurredAt, CaseAction action, String actor, CaseStatus fromStatus,
                            CaseStatus toStatus, String note, String reason, String attachmentIds) {

    static TimelineEntry of(Instant at, CaseAction action, String actor, CaseStatus from, CaseStatus to, String note,
                            String reason, List<Long> attachments) {
        var ids = attachments == null || attachments.isEmpty() ? null
                : attachments.stream().map(String::valueOf).collect(Collectors.joining(","));
        return new TimelineEntry(at, action, actor, from, to, note, reason, ids);
    }

    TimelineEntry withAttachments(List<Long> attachments) {
        return of(occurredAt, action, actor, fromStatus, toStatus, note, reason,
                attachments.stream().filter(java.util.Objects::nonNull).distinct().toList());
    }

    public List<Long> attachments() {
        if (attachmentIds == null || attachmentIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(attachmentIds.split(",")).map(Long::valueOf).toList();
    }
}
