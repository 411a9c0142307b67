package org.citygrid.assets.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves one component (state changes); bulk reads and writes go through {@link ComponentStore}. */
interface ComponentRepository extends CrudRepository<Component, String> {
}
