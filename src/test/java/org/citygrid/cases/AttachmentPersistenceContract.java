package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.cases.CaseFixtures.*;

import java.util.concurrent.ThreadLocalRandom;

import org.citygrid.cases.internal.AttachmentRepository;
import org.citygrid.cases.internal.CaseRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

/** Attachment records on H2 and PostgreSQL (the two subclasses): stored, read back, listed per case in order. */
@SpringBootTest
abstract class AttachmentPersistenceContract {

    @Autowired
    CaseRepository cases;
    @Autowired
    AttachmentRepository attachments;

    private long storedCase() {
        var no = "A" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
        return cases.save(Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, no, monday(8, 30),
                CLOCKS)).id().value();
    }

    private static Attachment photo(long caseId, int minute, String sha) {
        return new Attachment(null, caseId, sha, "image/webp", 12_345L, 64, 48, "b".repeat(64), "现场照片.webp",
                "h-water", "water", monday(9, minute), CaseStatus.IN_PROGRESS);
    }

    @Test
    void anAttachmentIsStoredAndReadBackAsItWas() {
        long caseId = storedCase();
        var saved = attachments.save(photo(caseId, 10, "a".repeat(64)));
        assertThat(saved.id()).isNotNull();
        assertThat(attachments.findById(saved.id())).contains(saved);
    }

    @Test
    void aCasesPhotosAreListedOldestFirst() {
        long caseId = storedCase();
        long other = storedCase();
        var later = attachments.save(photo(caseId, 30, "c".repeat(64)));
        var earlier = attachments.save(photo(caseId, 10, "c".repeat(64)));
        attachments.save(photo(other, 20, "d".repeat(64)));
        assertThat(attachments.findByCaseIdOrderByUploadedAtAscIdAsc(caseId)).containsExactly(earlier, later);
        assertThat(attachments.findByIdIn(java.util.List.of(later.id(), earlier.id()))).hasSize(2);
    }

    @Test
    void anAttachmentOfNoCaseIsRefused() {
        assertThatThrownBy(() -> attachments.save(photo(Long.MAX_VALUE, 10, "e".repeat(64))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
