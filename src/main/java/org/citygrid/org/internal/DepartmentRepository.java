package org.citygrid.org.internal;

import java.util.List;
import java.util.Optional;

import org.citygrid.org.Department;
import org.springframework.data.repository.ListCrudRepository;

public interface DepartmentRepository extends ListCrudRepository<Department, Long> {

    Optional<Department> findByCode(String code);

    boolean existsByCode(String code);

    List<Department> findAllByOrderByKindAscCodeAsc();
}
