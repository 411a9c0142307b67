package org.citygrid.org;

/**
 * The roles of the closed loop (see shared/domain/WORKFLOW.md). Supervision and command are separate axes: a role
 * belongs to one of them, or to neither.
 */
public enum Role {
    /** 监督员 / 信息采集员 — patrols grids, reports, verifies and checks on site. */
    SUPERVISOR(Axis.SUPERVISION),
    /** 受理员 — accepts reports from every channel, sends verify and check tasks, calls back. */
    OPERATOR(Axis.SUPERVISION),
    /** 值班长 — files or rejects, closes, approves voiding. */
    SHIFT_LEAD(Axis.SUPERVISION),
    /** 派遣员 — dispatches to departments, decides returns, extensions and parking, urges. */
    DISPATCHER(Axis.COMMAND),
    /** 专业部门处置人员 — handles the cases of their own department. */
    DEPT_HANDLER(Axis.DEPARTMENT),
    /** 领导 — reads everything; may urge. */
    LEADER(Axis.NONE),
    /** 系统管理员 — users, departments, classes, limits, calendars, rules. */
    ADMIN(Axis.NONE);

    public enum Axis { SUPERVISION, COMMAND, DEPARTMENT, NONE }

    private final Axis axis;

    Role(Axis axis) {
        this.axis = axis;
    }

    public Axis axis() {
        return axis;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Message-bundle key of the role's name, e.g. {@code role.SHIFT_LEAD}. */
    public String messageKey() {
        return "role." + name();
    }
}
