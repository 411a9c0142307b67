package org.citygrid.catalog.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;

import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.internal.LegacyMapping.Key;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the national directory into the database at start-up, in every profile: it is reference data, not demo data.
 * Only classes that are missing are inserted, so an administrator's settings survive restarts. Two nodes starting
 * at once serialise on the row lock of {@code catalog_seed}; the second finds everything there and inserts nothing.
 */
@Component
@Order(1)
class CatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final CaseClassRepository repository;
    private final CatalogReadModel readModel;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CatalogSeeder(CaseClassRepository repository, CatalogReadModel readModel, JdbcClient jdbc,
                  TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.readModel = readModel;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var seed = new DirectorySeed(ReferenceData.load());
        Integer inserted = transaction.execute(status -> insertMissing(seed));
        readModel.reload();
        log.info("Catalog: {} classes inserted, {} in total; {} legacy classes mapped, {} unmapped", inserted,
                readModel.all().size(), seed.mapping().all().size(), seed.mapping().unmapped().size());
    }

    int insertMissing(DirectorySeed seed) {
        jdbc.sql("SELECT id FROM catalog_seed WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        var present = new HashSet<Key>(jdbc.sql("SELECT kind, code FROM case_class")
                .query((rs, n) -> new Key(ClassKind.valueOf(rs.getString("kind")), rs.getString("code"))).list());
        var missing = seed.classes().stream().filter(c -> !present.contains(new Key(c.kind(), c.code()))).toList();
        if (!missing.isEmpty()) {
            repository.saveAll(missing);
            jdbc.sql("UPDATE catalog_seed SET seeded_at = :now WHERE id = 1")
                    .param("now", OffsetDateTime.now(clock)).update();
        }
        return missing.size();
    }
}
