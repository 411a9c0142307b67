package org.citygrid.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;

/** The hotline's tables (calls, call-backs and their links); run on H2 and on PostgreSQL by the two subclasses. */
@SpringBootTest
abstract class HotlinePersistenceContract {

    @Autowired
    HotlineStore store;

    private static long someCase() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    private static final Instant AT = Instant.parse("2026-11-20T02:03:04.567Z");

    @Test
    void aCallIsKeptWithItsCallerAndFoundByItsCase() {
        long caseId = someCase();
        var saved = store.save(new HotlineCall(0, caseId, "2026112000007", CallOutcome.NEW_CASE, "张三丰",
                "13812341234", "东长安街 1 号", "井盖破损", "operator1", AT));
        store.save(new HotlineCall(0, caseId, "2026112000007", CallOutcome.ADDED_TO_CASE, "李四", "01065123456",
                null, "又有人反映", "operator1", AT.plusSeconds(60)));

        assertThat(saved.id()).isPositive();
        var calls = store.callsOf(caseId);
        assertThat(calls).extracting(HotlineCall::outcome).containsExactly(CallOutcome.NEW_CASE,
                CallOutcome.ADDED_TO_CASE);
        assertThat(calls.getFirst()).isEqualTo(saved);
        assertThat(calls.getFirst().takenAt()).isEqualTo(AT.truncatedTo(ChronoUnit.MILLIS));
        assertThat(calls.get(1).address()).isNull();
        assertThat(store.recentCalls(0, 500)).contains(saved);
        assertThat(store.countCalls()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCallBackAndTheCaseItReopenedAreLinkedBothWays() {
        long caseId = someCase();
        long reopened = someCase();
        var b = new Callback(caseId, "2026112000008", Satisfaction.UNSATISFIED, "还是坏的", "operator1", AT,
                reopened, "2026112700001");
        store.save(b);

        assertThat(store.callbackOf(caseId)).contains(b);
        assertThat(store.reopening(reopened)).contains(b);
        assertThat(store.reopening(caseId)).isEmpty();
        assertThat(store.calledBack(List.of(caseId, reopened))).containsExactly(caseId);
        assertThat(store.recentCallbacks(500)).contains(b);
    }

    @Test
    void aSatisfiedCallBackLinksNothing() {
        long caseId = someCase();
        store.save(new Callback(caseId, "2026112000009", Satisfaction.SATISFIED, null, "operator1", AT, null, null));
        var read = store.callbackOf(caseId).orElseThrow();
        assertThat(read.reopenedCaseId()).isNull();
        assertThat(read.note()).isNull();
    }

    @Test
    void aSecondCallBackOfTheSameCaseIsRefusedByTheDatabase() {
        long caseId = someCase();
        store.save(new Callback(caseId, "2026112000010", Satisfaction.SATISFIED, null, "operator1", AT, null, null));
        assertThatThrownBy(() -> store.save(new Callback(caseId, "2026112000010", Satisfaction.UNSATISFIED, "x",
                "operator2", AT, null, null))).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.callbackOf(caseId).orElseThrow().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    }
}
