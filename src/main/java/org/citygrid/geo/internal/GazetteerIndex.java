package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citygrid.geo.DivisionsChanged;
import org.citygrid.geo.GeocodeCandidate;
import org.citygrid.geo.Geocoder;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.geo.LonLat;
import org.citygrid.geo.Place;
import org.citygrid.geo.UnitGridsChanged;
import org.citygrid.platform.DomainException;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@link Geocoder}: a {@link Gazetteer} snapshot built from the divisions (with a representative point inside each
 * boundary: the centroid when it lies inside, else JTS's interior point) and the imported address points, each placed
 * in its unit grid. Rebuilt on first use after start and after any committed change of divisions, unit grids or address
 * points, then swapped in atomically (the same pattern as the grid index); queries never touch the database.
 */
@Component
class GazetteerIndex implements Geocoder {

    static final int MAX_LIMIT = 50;
    private static final Logger log = LoggerFactory.getLogger(GazetteerIndex.class);

    private final DivisionRepository divisions;
    private final JdbcClient jdbc;
    private final Locator locator;
    private final MessageSource messages;
    private volatile Gazetteer snapshot = Gazetteer.EMPTY;
    private volatile boolean stale = true;

    GazetteerIndex(DivisionRepository divisions, JdbcClient jdbc, Locator locator, MessageSource messages) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.locator = locator;
        this.messages = messages;
    }

    @Override
    public List<GeocodeCandidate> geocode(String text, int limit) {
        var q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            throw new DomainException.Invalid("q", "geo.geocode.q.empty");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new DomainException.Invalid("q", "geo.geocode.q.too-long", q.length(), MAX_QUERY_LENGTH);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException.Invalid("limit", "geo.geocode.limit", limit, MAX_LIMIT);
        }
        return current().search(q, limit);
    }

    @Override
    public Optional<Place> describe(double lon, double lat, Locale locale) {
        return locator.locate(lon, lat).map(location -> place(lon, lat, location, locale));
    }

    private Place place(double lon, double lat, GridLocation location, Locale locale) {
        var gazetteer = current();
        var community = ref(gazetteer, location.communityCode());
        var street = ref(gazetteer, location.streetCode());
        var district = ref(gazetteer, location.districtCode());
        var nearest = gazetteer.nearest(lon, lat, Place.NEAREST_ADDRESS_METRES).map(a -> new Place.NearbyAddress(
                a.name(), a.address(), a.lon(), a.lat(),
                Math.round(Gazetteer.distance(lon, lat, a.lon(), a.lat()) * 10) / 10.0)).orElse(null);
        return new Place(label(location.gridCode(), community, street, district, locale), location.gridCode(),
                community, street, district, location.supervisionGridCode(), nearest);
    }

    private String label(String grid, Place.DivisionRef community, Place.DivisionRef street,
                         Place.DivisionRef district, Locale locale) {
        if (street != null && community != null) {
            return messages.getMessage("geo.reverse.label.community", new Object[] {street.name(), community.name(),
                    grid}, locale);
        }
        if (street != null) {
            return messages.getMessage("geo.reverse.label.street", new Object[] {street.name(), grid}, locale);
        }
        return messages.getMessage("geo.reverse.label.district", new Object[] {district == null ? "" : district.name(),
                grid}, locale);
    }

    /** A division by code and the name people use (the committee suffix 居委会 dropped); the code if unknown. */
    private static Place.DivisionRef ref(Gazetteer gazetteer, String code) {
        if (code == null) {
            return null;
        }
        return new Place.DivisionRef(code, gazetteer.division(code).map(d -> AddressText.displayName(d.name()))
                .orElse(code));
    }

    Gazetteer current() {
        if (stale) {
            rebuildIfStale();
        }
        return snapshot;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuildIfStale();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DivisionsChanged event) {
        stale = true;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnitGridsChanged event) {
        stale = true;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AddressPoints.Changed event) {
        stale = true;
    }

    /** Another node changed the spatial base ({@link GeoRevision}): the next search rebuilds. */
    void markStale() {
        stale = true;
    }

    private synchronized void rebuildIfStale() {
        if (stale) {
            rebuild();
        }
    }

    private void rebuild() {
        stale = false;
        var entries = new ArrayList<Gazetteer.DivisionEntry>();
        for (var d : divisions.findAllByOrderByCode()) {
            var point = d.hasBoundary() ? representative(d.geometry()) : null;
            entries.add(new Gazetteer.DivisionEntry(d.code(), d.name(), d.level(), d.parentCode(), point,
                    point == null ? null : locator.locate(point.lon(), point.lat()).orElse(null)));
        }
        var addresses = jdbc.sql("SELECT name, address, lon, lat FROM geo_address_point ORDER BY id")
                .query((rs, i) -> new Gazetteer.AddressEntry(rs.getString(1), rs.getString(2), rs.getDouble(3),
                        rs.getDouble(4), locator.locate(rs.getDouble(3), rs.getDouble(4)).orElse(null))).list();
        snapshot = Gazetteer.of(entries, addresses);
        log.info("Gazetteer rebuilt: {} divisions, {} address points", entries.size(), addresses.size());
    }

    /** The centroid when it lies inside the boundary, else a point guaranteed inside. */
    static LonLat representative(Geometry boundary) {
        var centroid = boundary.getCentroid();
        var point = boundary.covers(centroid) ? centroid : boundary.getInteriorPoint();
        return new LonLat(point.getX(), point.getY());
    }
}
