package org.citygrid.org.internal;

import java.util.List;
import java.util.Optional;

import org.citygrid.org.Person;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PersonRepository extends ListCrudRepository<Person, Long> {

    Optional<Person> findByUsername(String username);

    boolean existsByUsername(String username);

    List<Person> findAllByOrderByUsernameAsc();

    List<Person> findByDepartmentCodeOrderByUsernameAsc(String departmentCode);

    @Query("SELECT p.* FROM person p JOIN person_role r ON r.person_id = p.id WHERE r.role = :role ORDER BY p.username")
    List<Person> findByRole(String role);

    @Query("SELECT username FROM person WHERE demo_account = TRUE AND enabled = TRUE ORDER BY username")
    List<String> findEnabledDemoUsernames();
}
