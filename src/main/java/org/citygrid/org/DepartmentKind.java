package org.citygrid.org;

/** What kind of organisation a department is. */
public enum DepartmentKind {
    /** 局内设机构 — a unit inside the bureau (command centre, enforcement brigade, …). */
    BUREAU_UNIT,
    /** 专业部门 — a professional department or utility that handles dispatched cases. */
    PROFESSIONAL,
    /** 街道办事处 — a street office, responsible for the matters of its street. */
    STREET_OFFICE;

    public String messageKey() {
        return "department.kind." + name();
    }
}
