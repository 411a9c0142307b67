package org.citygrid.assets.internal;

import java.time.Instant;

import org.citygrid.assets.ComponentSummary;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 管理部件 — one component of the inventory: where it is (a representative point, plus the line or polygon of a linear
 * or area component as WKT), its state, its unit grid and the departments that own (权属) and maintain (养护) it.
 * Written in bulk by imports ({@link ComponentStore}); changed one at a time here, with optimistic locking.
 */
@Table("asset_component")
public class Component {

    @Id
    private final String id;
    private final String classCode;
    private final String name;
    private final String description;
    private ComponentState state;
    private final double lon;
    private final double lat;
    private final String shape;
    private final String gridCode;
    @Column("owner_code")
    private final String ownerDepartmentCode;
    @Column("maintainer_code")
    private final String maintainerDepartmentCode;
    private final boolean synthetic;
    private Instant changedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Component(String id, String classCode, String name, String description, ComponentState state, double lon,
              double lat, String shape, String gridCode, String ownerDepartmentCode, String maintainerDepartmentCode,
              boolean synthetic, Instant changedAt, Integer version) {
        this.id = id;
        this.classCode = classCode;
        this.name = name;
        this.description = description;
        this.state = state;
        this.lon = lon;
        this.lat = lat;
        this.shape = shape;
        this.gridCode = gridCode;
        this.ownerDepartmentCode = ownerDepartmentCode;
        this.maintainerDepartmentCode = maintainerDepartmentCode;
        this.synthetic = synthetic;
        this.changedAt = changedAt;
        this.version = version;
    }

    /**
     * Records a new state seen on site. {@code expectedVersion} is the version the caller read: another change since
     * then is a conflict (409), so two editors never overwrite each other unknowingly.
     */
    public void changeState(ComponentState newState, int expectedVersion, Instant at) {
        if (version == null || version != expectedVersion) {
            throw new OptimisticLockingFailureException("component " + id + " is at version " + version
                    + ", not " + expectedVersion);
        }
        this.state = newState;
        this.changedAt = at;
    }

    public ComponentSummary summary() {
        return new ComponentSummary(id, classCode, name, state.name(), lon, lat, gridCode, ownerDepartmentCode,
                maintainerDepartmentCode);
    }

    public String id() { return id; }
    public String classCode() { return classCode; }
    public String name() { return name; }
    public String description() { return description; }
    public ComponentState state() { return state; }
    public double lon() { return lon; }
    public double lat() { return lat; }
    /** The line or polygon as WGS84 WKT, or null for a point component. */
    public String shape() { return shape; }
    public String gridCode() { return gridCode; }
    public String ownerDepartmentCode() { return ownerDepartmentCode; }
    public String maintainerDepartmentCode() { return maintainerDepartmentCode; }
    public boolean synthetic() { return synthetic; }
    public Instant changedAt() { return changedAt; }
    public int version() { return version == null ? 0 : version; }
}
