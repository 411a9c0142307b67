package org.citygrid.cases;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 附件 — a photo of a case: its bytes and thumbnail are in the file store under their SHA-256; the record says who
 * uploaded it, for which department, when, and in which state the case was. Never changed once stored.
 */
@Table("case_attachment")
public record Attachment(@Id Long id, long caseId, String sha256, String contentType, long sizeBytes, int width,
                         int height, String thumbnailSha256, String fileName, String uploadedBy,
                         String uploaderDepartment, Instant uploadedAt, CaseStatus caseStatus) {

    Attachment withId(Long newId) {
        return new Attachment(newId, caseId, sha256, contentType, sizeBytes, width, height, thumbnailSha256, fileName,
                uploadedBy, uploaderDepartment, uploadedAt, caseStatus);
    }
}
