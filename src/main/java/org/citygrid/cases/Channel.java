package org.citygrid.cases;

/** Where a report came from. Only supervisor reports skip verification and may be self-handled. */
public enum Channel {
    /** 监督员上报 (field app) */
    SUPERVISOR,
    /** 12345 / 12319 hotline */
    HOTLINE,
    /** web or app of the public */
    PORTAL,
    /** Open311 clients */
    OPEN311,
    /** video analysis */
    VIDEO,
    /** 领导交办 */
    LEADER,
    /** 媒体 */
    MEDIA,
    /** a historical case from another system */
    IMPORT
}
