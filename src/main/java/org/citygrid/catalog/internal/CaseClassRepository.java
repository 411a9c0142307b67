package org.citygrid.catalog.internal;

import java.util.Optional;

import org.citygrid.catalog.ClassKind;
import org.springframework.data.repository.ListCrudRepository;

interface CaseClassRepository extends ListCrudRepository<CaseClass, Long> {

    Optional<CaseClass> findByKindAndCode(ClassKind kind, String code);
}
