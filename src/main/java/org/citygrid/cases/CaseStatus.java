package org.citygrid.cases;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;

/**
 * The states of a case (shared/domain/WORKFLOW.md, "States"); views ask the category, never lists of states. A state
 * is its own message: as an argument of a problem text it reads as its label in the reader's language.
 */
public enum CaseStatus implements MessageSourceResolvable {
    /** 待受理 */
    REPORTED(Category.OPEN, Stage.ACCEPT),
    /** 待核实 */
    PENDING_VERIFY(Category.OPEN, Stage.VERIFY),
    /** 待立案 */
    PENDING_FILING(Category.OPEN, Stage.FILE),
    /** 不予立案 */
    NOT_FILED(Category.CLOSED),
    /** 待派遣 */
    PENDING_DISPATCH(Category.OPEN, Stage.DISPATCH),
    /** 待接收: RECEIVE runs, and HANDLE already runs. */
    DISPATCHED(Category.OPEN, Stage.RECEIVE, Stage.HANDLE),
    /** 处置中 */
    IN_PROGRESS(Category.OPEN, Stage.HANDLE),
    /** 挂账 — parked: the handling clock stops. */
    PARKED(Category.SUSPENDED),
    /** 待核查: CHECK starts when the check task is sent (send-check), see docs/CASES.md. */
    PENDING_CHECK(Category.OPEN),
    /** 待结案 */
    PENDING_CLOSE(Category.OPEN, Stage.CLOSE),
    /** 结案 */
    CLOSED(Category.CLOSED),
    /** 作废 */
    VOIDED(Category.CLOSED);

    /** Open cases are worked on; a suspended case is open but its clock stands still; closed is terminal. */
    public enum Category { OPEN, SUSPENDED, CLOSED }

    private final Category category;
    private final Set<Stage> clocks;

    CaseStatus(Category category, Stage... clocks) {
        this.category = category;
        this.clocks = clocks.length == 0 ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(clocks)));
    }

    public Category category() {
        return category;
    }

    /** Not terminal: open or suspended. */
    public boolean isOpen() {
        return category != Category.CLOSED;
    }

    /** The stage clocks that run while a case is in this state (entering it starts them). */
    public Set<Stage> clocks() {
        return clocks;
    }

    /** The open states: every state a request to void may be made in. */
    public static Set<CaseStatus> open() {
        var open = EnumSet.noneOf(CaseStatus.class);
        for (var s : values()) {
            if (s.isOpen()) {
                open.add(s);
            }
        }
        return open;
    }

    /** Message key of the Chinese (zh-CN) or English label, e.g. {@code cases.status.PARKED}. */
    public String messageKey() {
        return "cases.status." + name();
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey()};
    }

    @Override
    public String getDefaultMessage() {
        return name();
    }
}
