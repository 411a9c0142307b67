package org.citygrid.cases;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.citygrid.cases.internal.AttachmentRepository;
import org.citygrid.cases.internal.PhotoCheck;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.storage.FileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of cases: upload (checked by content, stored once per content with a thumbnail), list and read, with the
 * case's visibility (404) and, for uploads, the rule of who takes part in the case now (403).
 */
@Service
public class Attachments {

    /** The largest photo accepted (the multipart limit {@code spring.servlet.multipart.max-file-size} is the same). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.SHIFT_LEAD, Role.DISPATCHER);
    private static final Set<CaseStatus> HANDLING = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);

    private final Cases cases;
    private final AttachmentRepository repository;
    private final PhotoCheck photos;
    private final FileStore store;

    Attachments(Cases cases, AttachmentRepository repository, PhotoCheck photos, FileStore store) {
        this.cases = cases;
        this.repository = repository;
        this.photos = photos;
        this.store = store;
    }

    /** What an upload returns on the wire. */
    public record Upload(String originalName, byte[] bytes) {
    }

    /**
     * Checks and stores a photo. The bytes are stored before the record, so a record never points at a missing file;
     * a failed insert leaves an unreferenced file behind, which is harmless (same content, same key).
     */
    @Transactional
    public Attachment upload(long caseId, Upload upload, Actor by) {
        var c = cases.get(caseId, by);
        if (!mayUpload(c, by)) {
            throw new DomainException.Forbidden("cases.attachment.forbidden", c.status());
        }
        return checkAndKeep(c, upload, by.username(), by.holds(Role.DEPT_HANDLER) ? by.departmentCode() : null);
    }

    /**
     * A photo from a member of the public (the portal) for an open case: the channel has checked who may add it (the
     * reporter with their tracking code, or a citizen reporting the same problem), so no viewer rule applies here.
     * Checked by content like every upload; a closed case takes no more photos (409).
     */
    @Transactional
    public Attachment uploadFromPublic(long caseId, Upload upload, String uploadedBy) {
        var c = cases.get(caseId, Actor.system(Role.LEADER));
        if (!c.status().isOpen()) {
            throw new DomainException.Conflict("cases.attachment.case-closed", c.status());
        }
        return checkAndKeep(c, upload, uploadedBy, null);
    }

    /** Checks the photo by content and size, stores it and its thumbnail, and records it on the case. */
    private Attachment checkAndKeep(Case c, Upload upload, String uploadedBy, String department) {
        if (upload.bytes().length == 0) {
            throw new DomainException.Invalid("file", "cases.attachment.empty");
        }
        if (upload.bytes().length > MAX_BYTES) {
            throw new DomainException.Invalid("file", "cases.attachment.too-large", MAX_BYTES / 1024 / 1024);
        }
        var photo = photos.check(upload.bytes());
        var sha256 = store.put(new ByteArrayInputStream(upload.bytes()));
        var thumbnail = store.put(new ByteArrayInputStream(photo.thumbnail()));
        return repository.save(new Attachment(null, c.id().value(), sha256, photo.type().contentType(),
                upload.bytes().length, photo.width(), photo.height(), thumbnail,
                FileNames.safe(upload.originalName(), photo.type().extension()), uploadedBy, department, cases.now(),
                c.status()));
    }

    /**
     * Who takes part in the case now: the assigned department's handlers while it is dispatched or in progress, the
     * supervisor tasked to verify or check it while that task is open, the reporting supervisor while the report
     * waits for acceptance, and operators, shift leads and dispatchers while the case is not closed.
     */
    public static boolean mayUpload(Case c, Actor by) {
        var status = c.status();
        if (by.roles().stream().anyMatch(STAFF::contains) && status.isOpen()) {
            return true;
        }
        if (by.holds(Role.DEPT_HANDLER) && HANDLING.contains(status)
                && by.departmentCode() != null && by.departmentCode().equals(c.departmentCode())) {
            return true;
        }
        if (!by.holds(Role.SUPERVISOR)) {
            return false;
        }
        return (status == CaseStatus.PENDING_VERIFY && by.username().equals(c.verifier()))
                || (status == CaseStatus.PENDING_CHECK && by.username().equals(c.checker()))
                || (status == CaseStatus.REPORTED && c.channel() == Channel.SUPERVISOR
                && by.username().equals(c.reportedBy()));
    }

    /** Whether a photo counts as the department's proof in a feedback without a reason (see {@link CaseEvidence}). */
    public static boolean countsForFeedback(Case c, Attachment a) {
        return CaseEvidence.isDepartmentsOwnSinceDispatch(c, a);
    }

    /** The photos of a case the viewer may see, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> list(long caseId, Actor viewer) {
        cases.get(caseId, viewer);
        return repository.findByCaseIdOrderByUploadedAtAscIdAsc(caseId);
    }

    /** A stored photo and its bytes (or its thumbnail's); 404 unless it belongs to a case the viewer may see. */
    public record Content(Attachment attachment, InputStream bytes, String contentType) {
    }

    @Transactional(readOnly = true)
    public Content open(long caseId, long attachmentId, boolean thumbnail, Actor viewer) {
        cases.get(caseId, viewer);
        var a = repository.findById(attachmentId).filter(found -> found.caseId() == caseId)
                .orElseThrow(() -> new DomainException.NotFound("cases.attachment.not-found", attachmentId));
        var key = thumbnail ? a.thumbnailSha256() : a.sha256();
        var bytes = store.open(key).orElseThrow(() -> new IllegalStateException(
                "attachment " + attachmentId + " refers to a missing file " + key));
        return new Content(a, bytes, thumbnail ? "image/jpeg" : a.contentType());
    }
}
