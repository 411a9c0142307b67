package org.citygrid.org;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A department: a unit of the bureau, a professional department that handles dispatched cases, or a street office.
 * Referenced from other aggregates by its {@link #code()}.
 */
@Table("department")
public class Department {

    @Id
    private Long id;
    private String code;
    private String name;
    private DepartmentKind kind;
    /** The department this one belongs to (bureau units belong to the bureau); may be null. */
    private String parentCode;
    /** For street offices: the 9-digit GB/T 2260 / statistical code of their street. */
    private String divisionCode;
    private boolean active;
    @Version
    private int version;

    @PersistenceCreator
    Department(Long id, String code, String name, DepartmentKind kind, String parentCode, String divisionCode,
               boolean active, int version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentCode = parentCode;
        this.divisionCode = divisionCode;
        this.active = active;
        this.version = version;
    }

    public static Department create(String code, String name, DepartmentKind kind, String parentCode,
                                    String divisionCode) {
        return new Department(null, code, name, kind, parentCode, divisionCode, true, 0);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public Long id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public DepartmentKind kind() { return kind; }
    public String parentCode() { return parentCode; }
    public String divisionCode() { return divisionCode; }
    public boolean active() { return active; }
    public int version() { return version; }
}
