package org.citygrid.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.citygrid.CityGridApplication;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.Locator;
import org.citygrid.support.CaseHistories;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with the demo district on a PostgreSQL given by {@code CITYGRID_BENCH_PG_URL} — a throwaway
 * database: its {@code public} schema is dropped first. For the loop benchmarks, which need the real service, its
 * transactions and the real database, and so are harnesses rather than JMH micro-benchmarks.
 */
final class BenchApp {

    static final List<String> DEPARTMENTS = List.of("water", "drainage", "power", "lighting", "gas", "heating",
            "telecom", "traffic", "roads", "greening", "sanitation");

    private BenchApp() {
    }

    static ConfigurableApplicationContext start(String... extraProperties) throws SQLException {
        var url = System.getenv("CITYGRID_BENCH_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Set CITYGRID_BENCH_PG_URL to a throwaway PostgreSQL database");
        }
        try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        System.setProperty("spring.datasource.url", url);
        System.setProperty("server.port", System.getenv().getOrDefault("CITYGRID_BENCH_PORT", "18085"));
        System.setProperty("logging.level.root", "warn");
        System.setProperty("logging.level.org.citygrid", "warn");
        for (var p : extraProperties) {
            var kv = p.split("=", 2);
            System.setProperty(kv[0], kv[1]);
        }
        var app = new SpringApplication(CityGridApplication.class);
        app.setAdditionalProfiles("postgres", "demo");
        return app.run();
    }

    /** Points inside the demo's unit grids, component classes of the catalog, departments and supervisors. */
    static CaseHistories.Places places(ConfigurableApplicationContext ctx) {
        var locator = ctx.getBean(Locator.class);
        var points = new ArrayList<double[]>();
        var random = new Random(5);
        while (points.size() < 2_000) {
            double lon = 116.38 + random.nextDouble() * 0.06;
            double lat = 39.88 + random.nextDouble() * 0.07;
            if (locator.locate(lon, lat).isPresent()) {
                points.add(new double[] {lon, lat});
            }
        }
        var classes = ctx.getBean(Catalog.class).list(ClassKind.COMPONENT).stream()
                .filter(c -> !c.urgent()).map(c -> c.code()).toList();
        return new CaseHistories.Places(points, classes, DEPARTMENTS,
                List.of("supervisor1", "supervisor2", "supervisor3", "supervisor4", "supervisor5"));
    }

    static void report(String what, long nanos, int count, String unit) {
        double seconds = nanos / 1e9;
        System.out.printf("%s: %,d %s in %.1f s = %,.0f %s/s%n", what, count, unit, seconds, count / seconds, unit);
    }
}
