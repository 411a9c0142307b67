package org.citygrid.cases.internal;

import java.util.Optional;

import org.citygrid.cases.Case;
import org.springframework.data.repository.ListCrudRepository;

/** The one repository of the case aggregate; lists go through {@link CaseQueries}. */
public interface CaseRepository extends ListCrudRepository<Case, Long> {

    Optional<Case> findByCaseNo(String caseNo);

    Optional<Case> findByExternalId(String externalId);
}
