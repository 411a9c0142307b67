package org.citygrid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against the real PostgreSQL named by {@code CITYGRID_TEST_PG_URL} (set by {@code .ci/run}).
 * Without the variable the test is skipped on a developer's machine and fails in CI ({@code CI=true}); with it, an
 * unreachable server fails the test. The schema is dropped and re-created by Flyway once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ActiveProfiles(value = "postgres", inheritProfiles = true)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@ExtendWith(PostgresTestDatabase.Required.class)
public @interface OnPostgres {
}
