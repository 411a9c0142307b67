package org.citygrid.cases;

import java.util.List;
import java.util.Objects;

import org.citygrid.cases.internal.AttachmentRepository;
import org.citygrid.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * The photos an action names: each must be a photo of this case (422 on {@code attachmentIds}). A feedback without a
 * reason must name at least one photo uploaded by the assigned department since the latest dispatch (422 naming
 * {@code reason} and {@code attachmentIds}): a photo the department took before a return, or one an operator added,
 * is no proof of this department's work.
 */
@Component
class CaseEvidence {

    private final AttachmentRepository attachments;

    CaseEvidence(AttachmentRepository attachments) {
        this.attachments = attachments;
    }

    void check(Case c, CaseAction action, ActionInput in) {
        var ids = in.attachmentIds() == null ? List.<Long>of()
                : in.attachmentIds().stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        var found = attachments.findByIdIn(ids).stream().filter(a -> a.caseId() == c.id().value()).toList();
        if (found.size() != ids.size()) {
            var foreign = ids.stream().filter(id -> found.stream().noneMatch(a -> a.id().equals(id))).toList();
            throw new DomainException.Invalid("attachmentIds", "cases.attachment.other-case", foreign.getFirst())
                    .with("attachmentIds", foreign);
        }
        if (action == CaseAction.FEEDBACK && (in.reason() == null || in.reason().isBlank())
                && found.stream().noneMatch(a -> isDepartmentsOwnSinceDispatch(c, a))) {
            throw new DomainException.Invalid(List.of("reason", "attachmentIds"),
                    "cases.attachment.feedback-photo-or-reason");
        }
    }

    /** Uploaded by a handler of the case's department at or after the active assignment's dispatch. */
    static boolean isDepartmentsOwnSinceDispatch(Case c, Attachment a) {
        return c.activeAssignment()
                .filter(assignment -> assignment.departmentCode().equals(a.uploaderDepartment()))
                .filter(assignment -> !a.uploadedAt().isBefore(assignment.dispatchedAt()))
                .isPresent();
    }
}
