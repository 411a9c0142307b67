package org.citygrid.cases.internal;

import java.util.Collection;
import java.util.List;

import org.citygrid.cases.Attachment;
import org.springframework.data.repository.ListCrudRepository;

public interface AttachmentRepository extends ListCrudRepository<Attachment, Long> {

    List<Attachment> findByCaseIdOrderByUploadedAtAscIdAsc(long caseId);

    List<Attachment> findByIdIn(Collection<Long> ids);
}
