package org.citygrid.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at the PostgreSQL of {@code CITYGRID_TEST_PG_URL}, on a schema emptied once per run. */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL_VARIABLE = "CITYGRID_TEST_PG_URL";
    private static final AtomicBoolean RESET = new AtomicBoolean();

    public static String url() {
        return System.getenv(URL_VARIABLE);
    }

    public static String user() {
        return System.getenv().getOrDefault("CITYGRID_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("CITYGRID_TEST_PG_PASSWORD", "postgres");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (RESET.compareAndSet(false, true)) {
            try (var connection = DriverManager.getConnection(url(), user(), password());
                 var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reset the test schema at " + url(), e);
            }
        }
        // A cached test context keeps its pool: with Hikari's default of as many idle connections as the pool's size
        // (10), a dozen PostgreSQL contexts held more than the server's 100 connections. One idle connection each,
        // the others closed after 10 s unused.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("citygrid-test-postgres",
                Map.of("spring.datasource.url", url(), "spring.datasource.username", user(),
                        "spring.datasource.password", password(), "spring.datasource.hikari.minimum-idle", "1",
                        "spring.datasource.hikari.idle-timeout", "10000")));
    }

    /** Skips without a URL on a developer machine; in CI a missing URL or an unreachable server is a failure. */
    public static class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (url() == null || url().isBlank()) {
                if (ci) {
                    throw new IllegalStateException(URL_VARIABLE + " is not set: in CI the PostgreSQL tests must run "
                            + "(.ci/run sets it).");
                }
                return ConditionEvaluationResult.disabled(URL_VARIABLE + " not set: PostgreSQL tests skipped");
            }
            try (var connection = DriverManager.getConnection(url(), user(), password())) {
                return ConditionEvaluationResult.enabled("PostgreSQL at " + connection.getMetaData().getURL());
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + url() + " is unreachable: " + e.getMessage(), e);
            }
        }
    }
}
