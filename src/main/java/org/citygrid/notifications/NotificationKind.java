package org.citygrid.notifications;

/** Why someone is notified; the title and message texts are {@code notifications.kind.*} and {@code .message.*}. */
public enum NotificationKind {
    /** A stage clock turned yellow (80 % of its limit used). */
    STAGE_YELLOW,
    /** A stage clock turned red (overdue). */
    STAGE_RED,
    /** A case was dispatched to the recipient's department. */
    DISPATCHED,
    /** The recipient is tasked to verify a report. */
    VERIFY_TASK,
    /** The recipient is tasked to check a handled case. */
    CHECK_TASK,
    /** A request (return, extension, parking, voiding) waits for the recipient's decision. */
    REQUEST,
    /** A case of the recipient's department was urged (督办). */
    URGED,
    /** A routing rule's automatic dispatch was refused: the case waits for the recipient (a dispatcher). */
    AUTO_DISPATCH_FAILED;

    public String titleKey() {
        return "notifications.kind." + name();
    }

    public String messageKey() {
        return "notifications.message." + name();
    }
}
