package org.citygrid.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.citygrid.CityGridApplication;
import org.citygrid.geo.UnitGridsChanged;
import org.citygrid.org.DepartmentKind;
import org.citygrid.org.internal.Accounts;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The large-city data set of issue 7 (docs/PERFORMANCE-SCALE.md) in the PostgreSQL database given by
 * {@code CITYGRID_BENCH_PG_URL} (default {@code citygrid_bench_bigcity}, created if missing): a synthetic city of
 * 400 × 250 unit grids of 100 m (100,000 grids) in 4 districts, 40 streets and 1,000 communities, 40 supervision grids,
 * the organisation (departments and one account per role, password {@code Demo@2026}), 5,000,000 components and
 * 1,000,000 historical cases. Each step is skipped when its rows are there (a marker in schema {@code bigcity_gen}),
 * so a rerun is quick. Bulk rows are written by set-based SQL with the columns the application writes; 10,000 case
 * histories go through the real import ({@code CaseImport}) and the rest are copies of them moved in space and time
 * ({@link BigCityCases}). Not a test: Surefire never runs it.
 */
public final class BigCity {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/citygrid_bench_bigcity";
    static final String PASSWORD = "Demo@2026";
    static final int COLS = 400;
    static final int ROWS = 250;
    /** West and north edges of the city and the size of a 100 m cell in degrees at its middle latitude. */
    static final double LON0 = 116.20;
    static final double LAT_N = 40.02;
    static final double DLAT;
    static final double DLON;
    static final int STREETS = 40;

    static {
        double a = 6_378_137;
        double e2 = 0.00669437999014;
        double phi = Math.toRadians(LAT_N - ROWS / 2.0 * 0.0009);
        double w = 1 - e2 * Math.sin(phi) * Math.sin(phi);
        double m = a * (1 - e2) / Math.pow(w, 1.5);
        double n = a / Math.sqrt(w);
        DLAT = Math.toDegrees(100 / m);
        DLON = Math.toDegrees(100 / (n * Math.cos(phi)));
    }

    private BigCity() {
    }

    public static void main(String[] args) throws Exception {
        var url = url();
        createDatabase(url);
        long t0 = System.nanoTime();
        try (var ctx = start(url, "0", "citygrid.cases.import.max-size=1GB",
                "citygrid.cases.import.max-lines=100000")) {
            var jdbc = ctx.getBean(JdbcClient.class);
            var steps = new Steps(jdbc);
            steps.run("geography", () -> BigCityGeography.write(jdbc));
            ctx.publishEvent(new UnitGridsChanged("990101", COLS * ROWS));
            steps.run("organisation", () -> organisation(ctx, jdbc));
            steps.run("components", () -> BigCityGeography.components(jdbc));
            new BigCityCases(ctx, jdbc, steps).write();
            // statistics for the planner, and the visibility map that lets index-only scans skip the heap
            steps.run("vacuum-analyze", () -> jdbc.sql("VACUUM (ANALYZE)").update());
            System.out.printf("Big city ready in %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, counts(jdbc));
        }
    }

    static String url() {
        var url = System.getenv("CITYGRID_BENCH_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** The database named by the URL, created through the server's {@code postgres} database if it is missing. */
    static void createDatabase(String url) throws SQLException {
        int slash = url.lastIndexOf('/');
        var name = url.substring(slash + 1).replaceAll("\\?.*", "");
        try (var c = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", "postgres", "postgres");
             var s = c.createStatement();
             var r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!r.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        }
    }

    /** The application on the big city's database: profile postgres, no demo data, SLA monitor off, a small pool. */
    static ConfigurableApplicationContext start(String url, String port, String... extra) {
        System.setProperty("spring.datasource.url", url);
        System.setProperty("server.port", port);
        System.setProperty("CITYGRID_ADMIN_PASSWORD", PASSWORD);
        System.setProperty("citygrid.cases.sla.enabled", "false");
        System.setProperty("spring.datasource.hikari.maximum-pool-size", "6");
        System.setProperty("logging.level.root", "warn");
        System.setProperty("logging.level.org.citygrid", "warn");
        for (var p : extra) {
            var kv = p.split("=", 2);
            System.setProperty(kv[0], kv[1]);
        }
        var app = new SpringApplication(CityGridApplication.class);
        app.setAdditionalProfiles("postgres");
        return app.run();
    }

    /** Departments through the org module's service; accounts by SQL with one BCrypt hash of the demo password. */
    private static void organisation(ConfigurableApplicationContext ctx, JdbcClient jdbc) {
        var accounts = ctx.getBean(Accounts.class);
        var departments = new ArrayList<Accounts.NewDepartment>();
        departments.add(new Accounts.NewDepartment("CGJ", "大城市城市管理局", DepartmentKind.BUREAU_UNIT, null, null));
        departments.add(new Accounts.NewDepartment("CGJ-ZHZX", "城市管理指挥中心", DepartmentKind.BUREAU_UNIT, "CGJ",
                null));
        for (var d : BenchApp.DEPARTMENTS) {
            departments.add(new Accounts.NewDepartment(d, "专业部门 " + d, DepartmentKind.PROFESSIONAL, null, null));
        }
        for (var street : jdbc.sql("SELECT code, name FROM geo_division WHERE level = 'STREET' ORDER BY code")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).list()) {
            departments.add(new Accounts.NewDepartment(street.get(0), street.get(1) + "办事处",
                    DepartmentKind.STREET_OFFICE, null, street.get(0)));
        }
        departments.forEach(accounts::createDepartment);
        var hash = ctx.getBean(PasswordEncoder.class).encode(PASSWORD);
        var people = new ArrayList<String[]>();
        people.add(new String[] {"leader", "局长", "CGJ", "LEADER"});
        people.add(new String[] {"operator1", "受理员", "CGJ-ZHZX", "OPERATOR"});
        people.add(new String[] {"shiftlead1", "值班长", "CGJ-ZHZX", "SHIFT_LEAD"});
        people.add(new String[] {"dispatcher1", "派遣员", "CGJ-ZHZX", "DISPATCHER"});
        for (int i = 1; i <= STREETS; i++) {
            people.add(new String[] {"supervisor" + i, "监督员 " + i + " 号", "CGJ-ZHZX", "SUPERVISOR"});
        }
        departments.stream().filter(d -> d.kind() != DepartmentKind.BUREAU_UNIT).forEach(d -> people.add(
                new String[] {"h-" + d.code().toLowerCase(), d.name() + " 处置员", d.code(), "DEPT_HANDLER"}));
        for (var p : people) {
            long id = jdbc.sql("""
                    INSERT INTO person (username, display_name, department_code, password_hash, enabled, demo_account,
                        version) VALUES (?, ?, ?, ?, TRUE, TRUE, 0) RETURNING id""")
                    .params(p[0], p[1], p[2], hash).query(Long.class).single();
            jdbc.sql("INSERT INTO person_role (person_id, role) VALUES (?, ?)").params(id, p[3]).update();
        }
        jdbc.sql("""
                UPDATE geo_supervision_grid g SET supervisor = 'supervisor' || n.no
                FROM (SELECT code, ROW_NUMBER() OVER (ORDER BY code) AS no FROM geo_supervision_grid) n
                WHERE n.code = g.code""").update();
    }

    static String counts(JdbcClient jdbc) {
        var tables = List.of("geo_division", "geo_unit_grid", "asset_component", "case_file", "case_timeline",
                "case_stage", "case_assignment", "case_request", "case_stage_signal", "person", "department");
        var sb = new StringBuilder();
        for (var t : tables) {
            sb.append(String.format("%s %,d; ", t, jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()));
        }
        return sb.toString();
    }

    /** Step markers in schema bigcity_gen: a step that finished is not run again. */
    static final class Steps {

        private final JdbcClient jdbc;

        Steps(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("CREATE SCHEMA IF NOT EXISTS bigcity_gen").update();
            jdbc.sql("CREATE TABLE IF NOT EXISTS bigcity_gen.step (name VARCHAR(40) PRIMARY KEY, "
                    + "seconds DOUBLE PRECISION NOT NULL, done_at TIMESTAMP WITH TIME ZONE NOT NULL)").update();
        }

        boolean done(String name) {
            return jdbc.sql("SELECT COUNT(*) FROM bigcity_gen.step WHERE name = ?").param(name).query(Long.class)
                    .single() > 0;
        }

        void run(String name, Runnable step) {
            if (done(name)) {
                System.out.println("step " + name + ": already done");
                return;
            }
            long t0 = System.nanoTime();
            step.run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            jdbc.sql("INSERT INTO bigcity_gen.step (name, seconds, done_at) VALUES (?, ?, now())")
                    .params(name, seconds).update();
            System.out.printf("step %s: %.1f s%n", name, seconds);
        }
    }
}
