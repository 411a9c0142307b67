package org.citygrid.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.citygrid.CityGridApplication;
import org.citygrid.assets.internal.ImportRejected;
import org.citygrid.assets.internal.Inventory;
import org.citygrid.geo.Crs;
import org.citygrid.geo.Locator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the import of a CSV file of N components (default 200,000) into PostgreSQL through the service the HTTP import
 * calls ({@code Inventory.importCsv}: parse, check every row, locate its grid, then batched writes in one transaction).
 * A plain main class, not JMH: one import takes seconds, so wall-clock time of whole runs is the figure. Not a test:
 * Surefire never runs it. Starts the application (profiles postgres + demo, port 18081, no demo inventory) on
 * {@code CITYGRID_BENCH_PG_URL} (default: the assets engineer's test database), empties the inventory, then runs:
 * 0 = the file plus one bad line (every row checked, nothing written), 1 = insert, 2 = insert again after emptying,
 * 3 = the same file again (every row an update).
 * Arguments: [rows]. Command in docs/PERFORMANCE.md.
 */
public final class AssetImportBenchmark {

    private static final List<String[]> CLASSES = List.of(new String[] {"01001", "water"},
            new String[] {"01002", "drainage"}, new String[] {"01005", "power"}, new String[] {"01007", "telecom"},
            new String[] {"01037", "lighting"}, new String[] {"03005", "sanitation"},
            new String[] {"04002", "greening"}, new String[] {"01011", "gas"});

    private AssetImportBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        var url = System.getenv().getOrDefault("CITYGRID_BENCH_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/citygrid_test_assets");
        try (var context = new SpringApplicationBuilder(CityGridApplication.class).profiles("postgres", "demo")
                .run("--spring.datasource.url=" + url, "--citygrid.assets.demo-count=0",
                        "--logging.level.root=warn",
                        "--server.port=18081")) {
            var inventory = context.getBean(Inventory.class);
            var jdbc = context.getBean(JdbcClient.class);
            var csv = csv(rows, context.getBean(Locator.class));
            System.out.printf("file: %d rows, %.1f MB%n", rows, csv.length / 1e6);
            var badLine = "11010101001000000,,,,,116.41,39.92,,,\n".getBytes(StandardCharsets.UTF_8);
            var bad = new byte[csv.length + badLine.length];
            System.arraycopy(csv, 0, bad, 0, csv.length);
            System.arraycopy(badLine, 0, bad, csv.length, badLine.length);
            long checkStart = System.nanoTime();
            try {
                inventory.importCsv(bad, Crs.WGS84);
            } catch (ImportRejected expected) {
                System.out.printf("run 0: checking every row of the file with one bad last line (422, nothing "
                        + "written) took %.2f s%n", (System.nanoTime() - checkStart) / 1e9);
            }
            for (int run = 1; run <= 3; run++) {
                if (run < 3) {
                    jdbc.sql("DELETE FROM asset_component").update();
                }
                long start = System.nanoTime();
                var result = inventory.importCsv(csv, Crs.WGS84);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d: imported %d, updated %d in %.2f s (%.0f rows/s)%n", run,
                        result.imported(), result.updated(), seconds, rows / seconds);
            }
        }
    }

    /** A census-like file: random places in Dongcheng's grids, a few common classes, owners and the header row. */
    private static byte[] csv(int rows, Locator locator) {
        var random = new Random(42);
        var out = new StringBuilder("id,classCode,name,description,state,lon,lat,geometry,ownerDepartmentCode,"
                + "maintainerDepartmentCode\n");
        int[] serials = new int[CLASSES.size()];
        int written = 0;
        while (written < rows) {
            double lon = 116.37 + random.nextDouble() * 0.085;
            double lat = 39.85 + random.nextDouble() * 0.125;
            if (locator.locate(lon, lat).filter(g -> g.districtCode().equals("110101")).isEmpty()) {
                continue;
            }
            int k = random.nextInt(CLASSES.size());
            var c = CLASSES.get(k);
            out.append("110101").append(c[0]).append("%06d".formatted(++serials[k])).append(',').append(c[0])
                    .append(",,基准测试,").append(random.nextInt(20) == 0 ? "DAMAGED" : "INTACT").append(',')
                    .append("%.7f,%.7f".formatted(lon, lat)).append(",,").append(c[1]).append(',').append(c[1])
                    .append('\n');
            written++;
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
