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
        return start(true, extraProperties);
    }

    /**
     * Whether the benchmark database already holds the data set named {@code dataset} (a row of the harness's own
     * table {@code bench_dataset}, written by {@link #markDataset} after a complete load), so a rerun can keep it.
     */
    static boolean holdsDataset(String dataset) throws SQLException {
        try (var c = DriverManager.getConnection(url(), "postgres", "postgres"); var s = c.createStatement();
             var rs = s.executeQuery("SELECT to_regclass('public.bench_dataset') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
            try (var p = c.prepareStatement("SELECT 1 FROM bench_dataset WHERE name = ?")) {
                p.setString(1, dataset);
                try (var found = p.executeQuery()) {
                    return found.next();
                }
            }
        }
    }

    /** Records that the data set {@code dataset} is completely loaded (see {@link #holdsDataset}). */
    static void markDataset(String dataset) throws SQLException {
        try (var c = DriverManager.getConnection(url(), "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_dataset (name text PRIMARY KEY)");
            try (var p = c.prepareStatement("INSERT INTO bench_dataset (name) VALUES (?)")) {
                p.setString(1, dataset);
                p.executeUpdate();
            }
        }
    }

    /** The application on the benchmark database; {@code drop}: drop its {@code public} schema first. */
    static ConfigurableApplicationContext start(boolean drop, String... extraProperties) throws SQLException {
        var url = url();
        if (drop) {
            try (var c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
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

    private static String url() {
        var url = System.getenv("CITYGRID_BENCH_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Set CITYGRID_BENCH_PG_URL to a throwaway PostgreSQL database");
        }
        return url;
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
