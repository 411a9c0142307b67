package org.citygrid.geo.internal;

import java.io.IOException;

import java.util.Set;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.org.OrgDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo district's geography (profile {@code demo}): Dongcheng (110101) with its 17 real streets and 169 real
 * communities (NBS 2023 codes and names), its real DataV boundary (GCJ-02, converted to WGS84), a synthetic partition
 * into streets and communities (no real ones are public), 100 m unit grids, and five supervision grids of consecutive
 * streets for supervisor1..supervisor5 (runs after the demo organisation). Idempotent: what exists is kept.
 */
@Component
@Profile("demo")
@Order(20)
class DemoGeography implements ApplicationRunner {

    static final String DISTRICT = "110101";
    static final int SUPERVISORS = 5;
    static final String BOUNDARY = "reference/boundaries/dongcheng_110101_datav.json";
    private static final Logger log = LoggerFactory.getLogger(DemoGeography.class);

    private final Divisions divisions;
    private final SyntheticPartition partition;
    private final UnitGrids grids;
    private final JdbcClient jdbc;
    private final SupervisionGrids supervision;
    private final OrgDirectory org;

    DemoGeography(Divisions divisions, SyntheticPartition partition, UnitGrids grids, JdbcClient jdbc,
                  SupervisionGrids supervision, OrgDirectory org) {
        this.divisions = divisions;
        this.partition = partition;
        this.grids = grids;
        this.jdbc = jdbc;
        this.supervision = supervision;
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int created = 0;
        for (var row : ReferenceDivisions.of(DISTRICT)) {
            created += divisions.ensure(row.code(), row.name(), row.level(), row.parentCode()) ? 1 : 0;
        }
        if (!divisions.division(DISTRICT).hasBoundary()) {
            var body = new ClassPathResource(BOUNDARY).getContentAsByteArray();
            divisions.importGeoJson(body, Crs.GCJ02);
        }
        int partitioned = partition.partitionIfUnshaped(DISTRICT);
        long existing = jdbc.sql("SELECT COUNT(*) FROM geo_unit_grid WHERE code LIKE :p").param("p", DISTRICT + "%")
                .query(Long.class).single();
        int generated = existing == 0 ? grids.generate(DISTRICT, 100) : 0;
        int supervision = supervisionGrids();
        log.info("Demo geography of {}: {} divisions created, {} synthetic boundaries, {} unit grids generated, {} "
                + "supervision grids defined", DISTRICT, created, partitioned, generated, supervision);
    }

    /** Five supervision grids of consecutive streets, one per demo supervisor (a synthetic assignment). */
    private int supervisionGrids() {
        var streets = divisions.list(DISTRICT, DivisionLevel.STREET).stream().map(Division::code).toList();
        int defined = 0;
        for (int i = 0; i < SUPERVISORS; i++) {
            var code = DISTRICT + "-S" + (i + 1);
            if (supervision.list().stream().anyMatch(g -> g.code().equals(code))) {
                continue;
            }
            var share = Set.copyOf(streets.subList(i * streets.size() / SUPERVISORS,
                    (i + 1) * streets.size() / SUPERVISORS));
            var supervisor = org.person("supervisor" + (i + 1)).isPresent() ? "supervisor" + (i + 1) : null;
            supervision.define(new SupervisionGrids.Definition(code, "东城区监督网格 " + (i + 1), DISTRICT, share,
                    supervisor, null), true);
            defined++;
        }
        return defined;
    }
}
