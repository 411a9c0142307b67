package org.citygrid.geo.internal;

import org.citygrid.geo.DivisionLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An administrative division (district, street or community) identified by its statistical code, with an optional
 * WGS84 boundary. {@code synthetic} marks a boundary that was computed for the demo rather than surveyed.
 */
@Table("geo_division")
public class Division {

    @Id
    private Long id;
    private String code;
    private String name;
    private DivisionLevel level;
    private String parentCode;
    @Column("geometry")
    private String geometryWkt;
    private Double minLon;
    private Double minLat;
    private Double maxLon;
    private Double maxLat;
    @Column("area_m2")
    private Double areaM2;
    private boolean synthetic;
    @Version
    private int version;

    @PersistenceCreator
    Division(Long id, String code, String name, DivisionLevel level, String parentCode, String geometryWkt,
             Double minLon, Double minLat, Double maxLon, Double maxLat, Double areaM2, boolean synthetic,
             int version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.geometryWkt = geometryWkt;
        this.minLon = minLon;
        this.minLat = minLat;
        this.maxLon = maxLon;
        this.maxLat = maxLat;
        this.areaM2 = areaM2;
        this.synthetic = synthetic;
        this.version = version;
    }

    public static Division create(String code, String name, DivisionLevel level, String parentCode) {
        return new Division(null, code, name, level, parentCode, null, null, null, null, null, null, false, 0);
    }

    public void rename(String newName, String newParentCode) {
        this.name = newName;
        this.parentCode = newParentCode;
    }

    /** Sets the WGS84 boundary (Polygon or MultiPolygon); its bounding box and true area follow from it. */
    public void reshape(Geometry wgs84, boolean syntheticBoundary) {
        this.geometryWkt = new WKTWriter().write(wgs84);
        var env = wgs84.getEnvelopeInternal();
        this.minLon = env.getMinX();
        this.minLat = env.getMinY();
        this.maxLon = env.getMaxX();
        this.maxLat = env.getMaxY();
        this.areaM2 = LocalProjection.areaM2(wgs84);
        this.synthetic = syntheticBoundary;
    }

    /** The WGS84 boundary; only for a division that {@link #hasBoundary()}. */
    public Geometry geometry() {
        try {
            return new WKTReader().read(geometryWkt);
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable boundary of division " + code, e);
        }
    }

    public boolean hasBoundary() {
        return geometryWkt != null;
    }

    public Long id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public DivisionLevel level() { return level; }
    public String parentCode() { return parentCode; }
    public String geometryWkt() { return geometryWkt; }
    public Double areaM2() { return areaM2; }
    public boolean synthetic() { return synthetic; }
    public int version() { return version; }
}
