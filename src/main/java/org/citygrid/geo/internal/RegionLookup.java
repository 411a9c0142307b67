package org.citygrid.geo.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citygrid.geo.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks region codes up in the stored divisions and unit grids. */
@Component
class RegionLookup implements Regions {

    private final DivisionRepository divisions;
    private final JdbcClient jdbc;

    RegionLookup(DivisionRepository divisions, JdbcClient jdbc) {
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return divisions.existsByCode(code) || jdbc.sql("SELECT COUNT(*) FROM geo_unit_grid WHERE code = :code")
                .param("code", code).query(Long.class).single() > 0;
    }

    @Override
    public int unitGridCount(String code) {
        if (code == null || code.isBlank()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM geo_unit_grid WHERE code = :code OR street_code = :code"
                + " OR community_code = :code OR district_code = :code").param("code", code).query(Integer.class)
                .single();
    }

    @Override
    public Map<String, String> names(Collection<String> codes) {
        var wanted = codes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        var out = new HashMap<String, String>();
        // in rounds, so that a table of thousands of grids stays far below any bind parameter limit
        for (int i = 0; i < wanted.size(); i += 1_000) {
            List<String> round = wanted.subList(i, Math.min(wanted.size(), i + 1_000));
            jdbc.sql("SELECT code, name FROM geo_division WHERE code IN (:codes)").param("codes", round)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }
}
