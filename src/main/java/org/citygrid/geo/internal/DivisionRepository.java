package org.citygrid.geo.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.citygrid.geo.DivisionLevel;
import org.springframework.data.repository.ListCrudRepository;

public interface DivisionRepository extends ListCrudRepository<Division, Long> {

    Optional<Division> findByCode(String code);

    List<Division> findByCodeIn(Collection<String> codes);

    boolean existsByCode(String code);

    List<Division> findAllByOrderByCode();

    List<Division> findByParentCodeOrderByCode(String parentCode);

    List<Division> findByLevelOrderByCode(DivisionLevel level);

    List<Division> findByParentCodeAndLevelOrderByCode(String parentCode, DivisionLevel level);
}
