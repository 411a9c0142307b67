package org.citygrid.geo.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 监督网格 — a supervision grid: the patrol area of one supervisor, made of whole streets and/or communities. A unit
 * grid belongs to the supervision grid of its community, else of its street.
 */
@Table("geo_supervision_grid")
public class SupervisionGrid {

    @Id
    private Long id;
    private String code;
    private String name;
    private String districtCode;
    private String supervisor;
    private boolean synthetic;
    @MappedCollection(idColumn = "supervision_grid")
    private Set<Member> members;
    @Version
    private int version;

    /** One street or community of the supervision grid. */
    @Table("geo_supervision_grid_member")
    record Member(String divisionCode) {
    }

    @PersistenceCreator
    SupervisionGrid(Long id, String code, String name, String districtCode, String supervisor, boolean synthetic,
                    Set<Member> members, int version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.districtCode = districtCode;
        this.supervisor = supervisor;
        this.synthetic = synthetic;
        this.members = members;
        this.version = version;
    }

    static SupervisionGrid create(String code, String districtCode) {
        return new SupervisionGrid(null, code, code, districtCode, null, false, Set.of(), 0);
    }

    void define(String newName, Set<String> divisionCodes, String newSupervisor, boolean isSynthetic) {
        this.name = newName;
        this.members = divisionCodes.stream().map(Member::new).collect(Collectors.toSet());
        this.supervisor = newSupervisor;
        this.synthetic = isSynthetic;
    }

    public Long id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public String districtCode() { return districtCode; }
    public String supervisor() { return supervisor; }
    public boolean synthetic() { return synthetic; }
    public int version() { return version; }

    public Set<String> divisionCodes() {
        return members.stream().map(Member::divisionCode).collect(Collectors.toCollection(TreeSet::new));
    }
}
