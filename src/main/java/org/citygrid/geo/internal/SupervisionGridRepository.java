package org.citygrid.geo.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface SupervisionGridRepository extends ListCrudRepository<SupervisionGrid, Long> {

    Optional<SupervisionGrid> findByCode(String code);

    List<SupervisionGrid> findAllByOrderByCode();
}
