package org.citygrid.dashboard.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code dashboard_change} table (V121): one row per application node, holding how many batches of case changes
 * the node has committed and what they were. A node writes only its own row, so writers never wait for each other;
 * the table has a row per node started (old ones are forgotten at start-up), so reading all of it is a few rows.
 */
@Component
class ChangeMarkers {

    /** A node's marker: its change count and the reasons of its last batch ({@code reported}, {@code light}, …). */
    record Marker(String node, long seq, List<String> reasons) {
    }

    private final JdbcClient jdbc;

    ChangeMarkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets this node's row (one statement once the row exists; each statement commits on its own). */
    void write(String node, long seq, List<String> reasons, Instant at) {
        var joined = String.join(",", reasons);
        int updated = jdbc.sql("UPDATE dashboard_change SET seq = :seq, reasons = :reasons, changed_at = :at"
                        + " WHERE node = :node")
                .param("seq", seq).param("reasons", joined).param("at", utc(at)).param("node", node).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO dashboard_change (node, seq, reasons, changed_at) VALUES (:node, :seq, :reasons, :at)")
                    .param("node", node).param("seq", seq).param("reasons", joined).param("at", utc(at)).update();
        }
    }

    List<Marker> all() {
        return jdbc.sql("SELECT node, seq, reasons FROM dashboard_change")
                .query((rs, n) -> new Marker(rs.getString("node"), rs.getLong("seq"),
                        List.of(rs.getString("reasons").split(","))))
                .list();
    }

    /** Drops the rows of nodes that have not written since {@code before} (nodes long stopped). */
    int forgetOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM dashboard_change WHERE changed_at < :before").param("before", utc(before)).update();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
