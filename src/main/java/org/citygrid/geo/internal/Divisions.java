package org.citygrid.geo.internal;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citygrid.geo.Crs;
import org.citygrid.geo.DivisionLevel;
import org.citygrid.geo.DivisionsChanged;
import org.citygrid.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Listing divisions and importing their boundaries from GeoJSON, all or nothing. */
@Service
public class Divisions {

    private final DivisionRepository divisions;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Divisions(DivisionRepository divisions, JsonMapper json, ApplicationEventPublisher events) {
        this.divisions = divisions;
        this.json = json;
        this.events = events;
    }

    /** What an import did: divisions created, divisions whose boundary was replaced, and the repairs made. */
    public record ImportResult(int imported, int updated, List<FeatureProblem> repaired) {
    }

    /** Divisions under a parent and/or of a level (both optional), by code. */
    public List<Division> list(String parentCode, DivisionLevel level) {
        if (parentCode != null && level != null) {
            return divisions.findByParentCodeAndLevelOrderByCode(parentCode, level);
        }
        if (parentCode != null) {
            return divisions.findByParentCodeOrderByCode(parentCode);
        }
        return level != null ? divisions.findByLevelOrderByCode(level) : divisions.findAllByOrderByCode();
    }

    public Division division(String code) {
        return divisions.findByCode(code).orElseThrow(() -> new DomainException.NotFound("geo.division.unknown", code));
    }

    /**
     * Imports a GeoJSON FeatureCollection of boundaries given in {@code crs}; stores them in WGS84. Either every
     * feature is written or, when any feature is wrong, nothing is ({@link ImportRejected} lists all problems).
     */
    @Transactional
    public ImportResult importGeoJson(byte[] body, Crs crs) {
        var plan = DivisionImport.check(parse(json, body), crs, storedLevels());
        var existing = divisions.findByCodeIn(plan.entries().stream().map(DivisionImport.Entry::code).toList())
                .stream().collect(Collectors.toMap(Division::code, Function.identity()));
        int imported = 0;
        int updated = 0;
        for (var e : plan.entries()) {
            var division = existing.get(e.code());
            if (division == null) {
                division = Division.create(e.code(), e.name(), e.level(), e.parentCode());
                imported++;
            } else {
                if (division.level() != e.level()) {
                    throw new ImportRejected(List.of(new FeatureProblem(e.feature(), e.code(),
                            "geo.import.level.changed", division.level(), e.level())));
                }
                division.rename(e.name(), e.parentCode());
                updated++;
            }
            division.reshape(e.wgs84(), false);
            divisions.save(division);
        }
        events.publishEvent(new DivisionsChanged(plan.entries().size()));
        return new ImportResult(imported, updated, plan.repaired());
    }

    /** Creates a division without boundary unless its code exists; true when it was created. */
    @Transactional
    public boolean ensure(String code, String name, DivisionLevel level, String parentCode) {
        if (divisions.existsByCode(code)) {
            return false;
        }
        divisions.save(Division.create(code, name, level, parentCode));
        events.publishEvent(new DivisionsChanged(1));
        return true;
    }

    private Function<String, DivisionLevel> storedLevels() {
        return code -> divisions.findByCode(code).map(Division::level).orElse(null);
    }

    /** The JSON tree of an import body; malformed JSON is a 400 problem naming the line and column. */
    static JsonNode parse(JsonMapper json, byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new DomainException.BadRequest("body", "geo.import.malformed-json",
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr());
        }
    }
}
