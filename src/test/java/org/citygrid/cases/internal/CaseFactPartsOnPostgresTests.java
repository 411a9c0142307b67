package org.citygrid.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.citygrid.cases.Stage;
import org.citygrid.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Facts read in parts, on the real PostgreSQL (where each part also sets its planner settings). */
@OnPostgres
class CaseFactPartsOnPostgresTests extends CaseFactPartsContract {

    @Autowired
    CaseFactQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRangeReadsPlannerSettingsHoldForTheReadingTransactionOnly() {
        var inside = new TransactionTemplate(transactions).execute(s -> {
            queries.activeIn(java.time.Instant.parse("2033-06-30T16:00:00Z"),
                    java.time.Instant.parse("2033-07-31T16:00:00Z"), java.time.Instant.parse("2033-08-03T16:00:00Z"),
                    EnumSet.of(Stage.HANDLE));
            return jdbc.queryForObject("SELECT current_setting('jit') || ',' || current_setting('enable_bitmapscan')"
                    + " || ',' || current_setting('max_parallel_workers_per_gather')", String.class);
        });
        assertThat(inside).isEqualTo("off,off,0");
        var after = new TransactionTemplate(transactions).execute(s -> jdbc.queryForObject(
                "SELECT current_setting('enable_bitmapscan')", String.class));
        assertThat(after).isEqualTo("on");
    }
}
