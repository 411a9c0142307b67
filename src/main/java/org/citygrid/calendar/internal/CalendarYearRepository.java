package org.citygrid.calendar.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface CalendarYearRepository extends ListCrudRepository<CalendarYear, Long> {

    Optional<CalendarYear> findByYear(int year);

    boolean existsByYear(int year);
}
