package org.citygrid.assets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory table in bulk: batched inserts and updates for imports and the demo, window and filter queries,
 * per-cell counts for the map, and a cursor over many rows for exports. Plain JDBC because these are set operations,
 * not aggregate changes.
 */
@Repository
class ComponentStore {

    static final int BATCH = 1000;
    private static final String COLUMNS = "id, class_code, name, description, state, lon, lat, shape, grid_code, "
            + "owner_code, maintainer_code, synthetic, changed_at, version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    ComponentStore(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.batch = batch;
        var fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(BATCH);
        this.cursor = new NamedParameterJdbcTemplate(fetching);
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM asset_component").query(Long.class).single();
    }

    /**
     * The stored version of each of these identifiers that is stored already. One range scan over the identifiers'
     * span instead of IN lists: right after a bulk write PostgreSQL's statistics may still call the table empty, and
     * the plan it then picks for {@code id IN (…1000 values…)} compares every row with every value (seconds per chunk).
     */
    Map<String, Integer> versions(Collection<String> ids) {
        var found = new HashMap<String, Integer>();
        if (ids.isEmpty()) {
            return found;
        }
        var wanted = new java.util.HashSet<>(ids);
        var min = wanted.stream().min(String::compareTo).orElseThrow();
        var max = wanted.stream().max(String::compareTo).orElseThrow();
        cursor.query("SELECT id, version FROM asset_component WHERE id BETWEEN :min AND :max",
                Map.of("min", min, "max", max), rs -> {
                    if (wanted.contains(rs.getString(1))) {
                        found.put(rs.getString(1), rs.getInt(2));
                    }
                });
        return found;
    }

    /** Inserts new components (version 0). */
    void insert(List<ComponentRow> rows, Instant at) {
        insert(rows, Map.of(), at);
    }

    /**
     * Replaces stored components as a whole: deletes them and inserts the new rows with their version plus one. On
     * PostgreSQL this is several times faster than one UPDATE per row (each would touch all four indexes anyway), and
     * inside the import's transaction nobody sees the gap.
     */
    void replace(List<ComponentRow> rows, Map<String, Integer> versions, Instant at) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batch.batchUpdate("DELETE FROM asset_component WHERE id = ?", chunk, chunk.size(),
                    (ps, r) -> ps.setString(1, r.id()));
        }
        var next = new HashMap<String, Integer>();
        versions.forEach((id, v) -> next.put(id, v + 1));
        insert(rows, next, at);
    }

    private void insert(List<ComponentRow> rows, Map<String, Integer> versions, Instant at) {
        var ts = Timestamp.from(at);
        for (int from = 0; from < rows.size(); from += BATCH) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batch.batchUpdate("INSERT INTO asset_component (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    chunk, chunk.size(), (ps, r) -> {
                        ps.setString(1, r.id());
                        setCommon(ps, 2, r);
                        ps.setTimestamp(13, ts);
                        ps.setInt(14, versions.getOrDefault(r.id(), 0));
                    });
        }
    }

    private static void setCommon(java.sql.PreparedStatement ps, int first, ComponentRow r) throws SQLException {
        int i = first;
        ps.setString(i++, r.classCode());
        ps.setString(i++, r.name());
        ps.setString(i++, r.description());
        ps.setString(i++, r.state().name());
        ps.setDouble(i++, r.lon());
        ps.setDouble(i++, r.lat());
        ps.setString(i++, r.shape());
        ps.setString(i++, r.gridCode());
        ps.setString(i++, r.ownerDepartmentCode());
        ps.setString(i++, r.maintainerDepartmentCode());
        ps.setBoolean(i, r.synthetic());
    }

    PageResult<Component> list(ComponentFilter filter, Paging paging) {
        var where = new Where(filter);
        long total = jdbc.sql("SELECT COUNT(*) FROM asset_component" + where.sql).params(where.params)
                .query(Long.class).single();
        var items = jdbc.sql("SELECT " + COLUMNS + " FROM asset_component" + where.sql
                        + " ORDER BY id LIMIT :limit OFFSET :offset").params(where.params)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(ComponentStore::component).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Every component in the window (for nearest: the caller measures the exact distance). */
    List<Component> inWindow(ComponentFilter.BBox box) {
        var where = new Where(new ComponentFilter(null, null, null, box));
        return jdbc.sql("SELECT " + COLUMNS + " FROM asset_component" + where.sql).params(where.params)
                .query(ComponentStore::component).list();
    }

    /** Components grouped into square cells of {@code cellDegrees}, one count per non-empty cell. */
    List<Cluster> clusters(ComponentFilter filter, double cellDegrees) {
        var where = new Where(filter);
        return jdbc.sql("SELECT AVG(lon) AS lon, AVG(lat) AS lat, COUNT(*) AS n, "
                        + "SUM(CASE WHEN synthetic THEN 1 ELSE 0 END) AS s FROM (SELECT lon, lat, synthetic, "
                        + "FLOOR(lon / :cell) AS cx, FLOOR(lat / :cell) AS cy FROM asset_component" + where.sql
                        + ") t GROUP BY cx, cy")
                .params(where.params).param("cell", cellDegrees)
                .query((rs, n) -> new Cluster(rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("n"),
                        rs.getLong("s"))).list();
    }

    /** Streams the matching components in identifier order through a server-side cursor (constant memory). */
    void forEach(ComponentFilter filter, Consumer<Component> action) {
        var where = new Where(filter);
        readOnly.executeWithoutResult(status -> cursor.query("SELECT " + COLUMNS + " FROM asset_component"
                + where.sql + " ORDER BY id", where.params, rs -> {
                    action.accept(component(rs, 0));
                }));
    }

    private static Component component(ResultSet rs, int row) throws SQLException {
        var changed = rs.getTimestamp("changed_at");
        return new Component(rs.getString("id"), rs.getString("class_code"), rs.getString("name"),
                rs.getString("description"), ComponentState.valueOf(rs.getString("state")), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("shape"), rs.getString("grid_code"), rs.getString("owner_code"),
                rs.getString("maintainer_code"), rs.getBoolean("synthetic"),
                changed == null ? null : changed.toInstant(), rs.getInt("version"));
    }

    /** The WHERE clause of a filter, with named parameters. */
    private static final class Where {
        final String sql;
        final Map<String, Object> params = new HashMap<>();

        Where(ComponentFilter f) {
            var parts = new ArrayList<String>();
            if (f.classCode() != null) {
                parts.add("class_code = :classCode");
                params.put("classCode", f.classCode());
            }
            if (f.state() != null) {
                parts.add("state = :state");
                params.put("state", f.state().name());
            }
            if (f.gridCode() != null) {
                parts.add("grid_code = :gridCode");
                params.put("gridCode", f.gridCode());
            }
            if (f.bbox() != null) {
                parts.add("lon BETWEEN :minLon AND :maxLon AND lat BETWEEN :minLat AND :maxLat");
                params.put("minLon", f.bbox().minLon());
                params.put("maxLon", f.bbox().maxLon());
                params.put("minLat", f.bbox().minLat());
                params.put("maxLat", f.bbox().maxLat());
            }
            sql = parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }
    }
}
