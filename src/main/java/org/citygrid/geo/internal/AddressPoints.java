package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.HashSet;

import org.citygrid.geo.Crs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Imported address points (门牌/POI) for geocoding, written in bulk like unit grids. A point is identified by its
 * normalised name and address: importing it again moves it (and counts as an update) instead of adding a copy.
 */
@Service
public class AddressPoints {

    /** Address points were imported (the gazetteer rebuilds). */
    record Changed(int count) {
    }

    /** What an import did. */
    public record ImportResult(int imported, int updated) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    AddressPoints(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.events = events;
    }

    /** Imports a CSV or GeoJSON file of points given in {@code crs}; all or nothing (see {@link AddressImport}). */
    @Transactional
    public ImportResult importFile(byte[] body, Crs crs) {
        var points = AddressImport.check(body, crs, json);
        var existing = new HashSet<>(jdbc.sql("SELECT identity_key FROM geo_address_point").query(String.class)
                .list());
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        for (var p : points) {
            if (existing.contains(p.key())) {
                updates.add(new Object[] {p.name(), p.address(), p.lon(), p.lat(), p.key()});
            } else {
                inserts.add(new Object[] {p.name(), p.address(), p.lon(), p.lat(), p.key()});
            }
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("INSERT INTO geo_address_point (name, address, lon, lat, identity_key) "
                    + "VALUES (?,?,?,?,?)", inserts);
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("UPDATE geo_address_point SET name = ?, address = ?, lon = ?, lat = ?, "
                    + "version = version + 1 WHERE identity_key = ?", updates);
        }
        events.publishEvent(new Changed(points.size()));
        return new ImportResult(inserts.size(), updates.size());
    }

    /** How many address points are stored. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM geo_address_point").query(Long.class).single();
    }
}
