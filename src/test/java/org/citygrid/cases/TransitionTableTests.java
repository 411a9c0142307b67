package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.cases.CaseFixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the transition table, from every state: allowed from its from-states (landing in a to-state and
 * writing one timeline entry), refused with 409 naming the current state from every other state.
 */
class TransitionTableTests {

    /** Holds every role, works for the water company and is the tasked supervisor: only the state can refuse. */
    private static final Actor BOSS = new Actor("boss", EnumSet.allOf(Role.class), "water");
    private static final ActionInput FULL = new ActionInput("备注", "water", "boss", 1, TimeUnit.WORK_HOURS, "理由",
            99L, true, false, null);

    private Instant now = monday(8, 0);

    private Instant tick() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
    }

    private void act(Case c, CaseAction a) {
        CaseActions.perform(c, a, FULL, BOSS, tick(), CLOCKS);
    }

    private Case caseIn(CaseStatus state) {
        var c = Case.report(report(Channel.HOTLINE, false, false), BOSS, "2026112300009", now, CLOCKS);
        switch (state) {
            case REPORTED -> { }
            case PENDING_VERIFY -> act(c, CaseAction.SEND_VERIFY);
            case PENDING_FILING -> act(c, CaseAction.ACCEPT);
            case NOT_FILED -> act(c, CaseAction.REJECT);
            case VOIDED -> { act(c, CaseAction.REQUEST_VOID); act(c, CaseAction.APPROVE_VOID); }
            default -> {
                act(c, CaseAction.ACCEPT);
                act(c, CaseAction.FILE);
                afterFiling(c, state);
            }
        }
        assertThat(c.status()).isEqualTo(state);
        return c;
    }

    private void afterFiling(Case c, CaseStatus state) {
        if (state == CaseStatus.PENDING_DISPATCH) {
            return;
        }
        act(c, CaseAction.DISPATCH);
        if (state == CaseStatus.DISPATCHED) {
            return;
        }
        act(c, CaseAction.RECEIVE);
        switch (state) {
            case PARKED -> { act(c, CaseAction.REQUEST_PARK); act(c, CaseAction.APPROVE_PARK); }
            case PENDING_CHECK -> act(c, CaseAction.FEEDBACK);
            case PENDING_CLOSE, CLOSED -> {
                act(c, CaseAction.FEEDBACK);
                act(c, CaseAction.SEND_CHECK);
                act(c, CaseAction.CHECK);
                if (state == CaseStatus.CLOSED) {
                    act(c, CaseAction.CLOSE);
                }
            }
            default -> { }
        }
    }

    /** What must have happened before an action is possible: a request to decide, a check task to carry out. */
    private void prepare(Case c, CaseAction action) {
        switch (TransitionTable.of(action).rule()) {
            case PENDING_RETURN -> act(c, CaseAction.REQUEST_RETURN);
            case PENDING_EXTENSION -> act(c, CaseAction.REQUEST_EXTENSION);
            case PENDING_PARK -> act(c, CaseAction.REQUEST_PARK);
            case PENDING_VOID -> act(c, CaseAction.REQUEST_VOID);
            case TASKED_CHECKER -> act(c, CaseAction.SEND_CHECK);
            default -> { }
        }
    }

    static Stream<Arguments> allowedPairs() {
        return TransitionTable.all().values().stream().filter(t -> t.action() != CaseAction.REPORT)
                .flatMap(t -> t.from().stream().sorted().map(s -> Arguments.of(t.action(), s)));
    }

    static Stream<Arguments> forbiddenPairs() {
        return TransitionTable.all().values().stream().filter(t -> t.action() != CaseAction.REPORT)
                .flatMap(t -> EnumSet.complementOf(EnumSet.copyOf(t.from().isEmpty()
                        ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(t.from()))).stream()
                        .map(s -> Arguments.of(t.action(), s)));
    }

    @ParameterizedTest(name = "{0} is allowed from {1}")
    @MethodSource("allowedPairs")
    void anActionIsAllowedFromEachOfItsStatesAndLandsInOneOfItsTargets(CaseAction action, CaseStatus from) {
        var c = caseIn(from);
        prepare(c, action);
        assertThat(c.allowedActions(BOSS, now)).contains(action);
        int before = c.timeline().size();

        act(c, action);

        var t = TransitionTable.of(action);
        assertThat(c.status()).isIn(t.keepsState() ? EnumSet.of(from) : t.to());
        assertThat(c.timeline()).hasSize(before + 1);
        assertThat(c.timeline().getLast().action()).isEqualTo(action);
        assertThat(c.timeline().getLast().fromStatus()).isEqualTo(from);
        assertThat(c.timeline().getLast().toStatus()).isEqualTo(c.status());
    }

    @ParameterizedTest(name = "{0} is refused in {1}")
    @MethodSource("forbiddenPairs")
    void anActionFromAnyOtherStateIsAConflictNamingTheCurrentState(CaseAction action, CaseStatus state) {
        var c = caseIn(state);
        int before = c.timeline().size();

        assertThatThrownBy(() -> act(c, action)).isInstanceOfSatisfying(DomainException.Conflict.class, e -> {
            assertThat(e.messageKey()).isEqualTo("cases.action.wrong-state");
            assertThat(e.arguments()).contains(action, state, state.name());
        });
        assertThat(c.status()).isEqualTo(state);
        assertThat(c.timeline()).hasSize(before);
        assertThat(c.allowedActions(BOSS, now)).doesNotContain(action);
    }

    @Test
    void everyActionHasExactlyOneRowAndTerminalStatesAllowNothing() {
        assertThat(TransitionTable.all().keySet()).containsExactlyInAnyOrder(CaseAction.values());
        for (var terminal : EnumSet.of(CaseStatus.NOT_FILED, CaseStatus.CLOSED, CaseStatus.VOIDED)) {
            assertThat(caseIn(terminal).allowedActions(BOSS, now)).isEmpty();
        }
    }

    @Test
    void wireNamesAreKebabCaseAndRoundTrip() {
        assertThat(CaseAction.SEND_VERIFY.wireName()).isEqualTo("send-verify");
        assertThat(CaseAction.REQUEST_RETURN.wireName()).isEqualTo("request-return");
        for (var a : CaseAction.values()) {
            assertThat(CaseAction.fromWireName(a.wireName())).contains(a);
        }
        assertThat(CaseAction.fromWireName("SEND_VERIFY")).isEmpty();
    }

    @Test
    void docsShowTheTableAsTheCodeHasIt() throws Exception {
        var docs = Files.readString(Path.of("docs/CASES.md"));
        assertThat(docs).contains(TransitionTable.markdown());
    }
}
