package org.citygrid.bench;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare-insert ceiling of issue 7: the same Spring Boot, Tomcat, virtual threads, Hikari pool of 10, Jackson and
 * JdbcClient as CityGrid, and nothing else of it — no component scan of org.citygrid's modules, no security (Spring
 * Security's auto-configuration is excluded: no session, no CSRF, no authorization), no Flyway, no validation, no
 * geography. {@code POST /bare/reports} with CityGrid's report body inserts one row into {@code bench_case}
 * (bench/report-schema.sql, shaped and indexed like {@code case_file}) in one autocommit transaction and answers 201
 * with its id and number. Not a test; bench/bare-insert.sh creates the table, starts this and drives it with
 * {@link IntakeLoad} ({@code auth=none path=/bare/reports}).
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.citygrid.bench.BareInsertApp \
 *   jdbc:postgresql://127.0.0.1:5432/citygrid_bench_bare 8118
 * </pre>
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BareInsertApp.Reports.class)
public class BareInsertApp {

    public static void main(String[] args) {
        var app = new SpringApplication(BareInsertApp.class);
        app.setDefaultProperties(Map.ofEntries(
                // not CityGrid's application.yml: this app has only what is set here
                Map.entry("spring.config.name", "bare-insert"),
                Map.entry("spring.datasource.url", args.length > 0 ? args[0]
                        : "jdbc:postgresql://127.0.0.1:5432/citygrid_bench_bare"),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.datasource.password", "postgres"),
                Map.entry("spring.datasource.hikari.maximum-pool-size", "10"),
                Map.entry("spring.threads.virtual.enabled", "true"),
                Map.entry("server.port", args.length > 1 ? args[1] : "8118"),
                Map.entry("spring.flyway.enabled", "false"),
                Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "false"),
                Map.entry("springdoc.api-docs.enabled", "false"),
                Map.entry("springdoc.swagger-ui.enabled", "false"),
                Map.entry("spring.autoconfigure.exclude", String.join(",",
                        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
                        "org.springframework.boot.security.autoconfigure.actuate.web.servlet."
                                + "ManagementWebSecurityAutoConfiguration")),
                Map.entry("logging.level.root", "warn"),
                Map.entry("logging.level.org.springframework.boot.web", "info")));
        app.run(args);
    }

    /** CityGrid's report body (the fields the load generator sends). */
    record NewReport(String channel, String kind, String classCode, double lon, double lat, String description) {
    }

    record Created(long id, String caseNo) {
    }

    @RestController
    static class Reports {

        private final JdbcClient jdbc;

        Reports(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/bare/reports")
        ResponseEntity<Created> report(@RequestBody NewReport r) {
            var created = jdbc.sql("""
                            INSERT INTO bench_case (channel, kind, class_code, urgent, self_handled,
                                handle_limit_amount, handle_limit_unit, lon, lat, grid_code, district_code,
                                description, reported_by, reported_at, status, updated_at, version)
                            VALUES (?, ?, ?, false, false, 4, 'WORK_HOURS', ?, ?, '110101001001001', '110101', ?,
                                'supervisor1', now(), 'REPORTED', now(), 1)
                            RETURNING id, case_no""")
                    .params(r.channel(), r.kind(), r.classCode(), r.lon(), r.lat(), r.description())
                    .query((rs, n) -> new Created(rs.getLong(1), rs.getString(2))).single();
            return ResponseEntity.created(URI.create("/bare/reports/" + created.id())).body(created);
        }
    }
}
