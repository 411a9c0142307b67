package org.citygrid.org;

import java.util.UUID;

import org.citygrid.CityGridApplication;
import org.citygrid.org.internal.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production refuses to start while anyone could sign in with the published demo password. */
class ProductionSafetyTests {

    /** Starts the application on a named in-memory database (command-line arguments beat the test config). */
    private static ConfigurableApplicationContext start(String database, String... profiles) {
        return new SpringApplicationBuilder(CityGridApplication.class)
                .profiles(profiles)
                .run("--spring.datasource.url=jdbc:h2:mem:" + database
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--server.port=0", "--logging.structured.format.console=", "--spring.main.banner-mode=off");
    }

    @Test
    void refusesProdTogetherWithTheDemoProfile() {
        assertThatThrownBy(() -> start("prod-" + UUID.randomUUID(), "prod", "demo").close())
                .hasStackTraceContaining("profiles 'prod' and 'demo' are both active");
    }

    @Test
    void refusesProdOnADatabaseWithUnchangedDemoAccountsAndStartsOnceTheyAreChanged() {
        var database = "prod-" + UUID.randomUUID();
        try (var demo = start(database, "demo")) {
            assertThat(demo.getBean(OrgDirectory.class).person("leader")).isPresent();
        }
        assertThatThrownBy(() -> start(database, "prod").close())
                .hasStackTraceContaining("published demo password")
                .hasStackTraceContaining("leader");

        try (var maintenance = start(database)) {
            var accounts = maintenance.getBean(Accounts.class);
            maintenance.getBean(org.citygrid.org.internal.PersonRepository.class).findEnabledDemoUsernames()
                    .forEach(username -> accounts.changePassword(username, "Demo@2026", "Prod-Secret-42"));
        }
        try (var prod = start(database, "prod")) {
            assertThat(prod.isActive()).isTrue();
        }
    }
}
