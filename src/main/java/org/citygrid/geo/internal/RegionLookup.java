package org.citygrid.geo.internal;

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
}
