package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.cases.CaseFixtures.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.citygrid.cases.internal.CaseNumbers;
import org.citygrid.cases.internal.CaseRepository;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** The cases module's persistence rules; run on H2 and on PostgreSQL by the two subclasses. */
@SpringBootTest
@RecordApplicationEvents
abstract class CasePersistenceContract {

    @Autowired
    CaseRepository repository;
    @Autowired
    CaseNumbers numbers;
    @Autowired
    Cases cases;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static String uniqueNo() {
        return "T" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L);
    }

    @Autowired
    CaseWriter writer;

    /** Inserted as the platform inserts a report (CaseWriter), read back below through the repository. */
    private Case stored(Case c) {
        return tx.execute(s -> writer.insert(c));
    }

    private Case dispatched() {
        var c = Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, uniqueNo(), monday(8, 30), CLOCKS);
        c.accept(OPERATOR, monday(8, 35), null, CLOCKS);
        c.file(SHIFT_LEAD, monday(8, 45), null, null, CLOCKS);
        c.dispatch(DISPATCHER, monday(9, 0), "water", null, CLOCKS);
        return c;
    }

    @Test
    void storesACaseWithItsTimelineClocksAssignmentsAndRequestsAndReadsThemBack() {
        var c = dispatched();
        c.receive(WATER, monday(9, 10), null, CLOCKS);
        c.requestPark(WATER, monday(9, 30), "等待审批", "附件待补", CLOCKS);
        var saved = stored(c);

        var loaded = repository.findById(saved.id().value()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(loaded.caseNo()).isEqualTo(c.caseNo());
        assertThat(loaded.gridCode()).isEqualTo(GRID.gridCode());
        assertThat(loaded.timeline()).isEqualTo(c.timeline());
        assertThat(loaded.stages()).isEqualTo(c.stages());
        assertThat(loaded.assignments()).isEqualTo(c.assignments());
        assertThat(loaded.requests()).isEqualTo(c.requests());
        assertThat(loaded.handleDeadline()).contains(monday(11, 0));
        assertThat(loaded.timeline().getLast().note()).isEqualTo("附件待补");
    }

    @Test
    void aCaseInsertedWithNoTransactionOpenIsStoredWholeAndCommitted() {
        // every child table with several rows: the one-statement insert of PostgreSQL builds a row list per table
        var c = dispatched();
        c.receive(WATER, monday(9, 10), null, CLOCKS);
        c.requestPark(WATER, monday(9, 30), "等待审批", "附件待补", CLOCKS);
        var saved = writer.insertAlone(c);

        assertThat(saved.id()).isNotNull();
        assertThat(saved.version()).isEqualTo(1);
        var loaded = repository.findById(saved.id().value()).orElseThrow();
        assertThat(loaded.caseNo()).isEqualTo(c.caseNo());
        assertThat(loaded.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(loaded.reportedBy()).isEqualTo(c.reportedBy());
        assertThat(loaded.description()).isEqualTo(c.description());
        assertThat(loaded.gridCode()).isEqualTo(GRID.gridCode());
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.timeline()).hasSize(c.timeline().size()).isEqualTo(c.timeline());
        assertThat(loaded.stages()).hasSizeGreaterThan(1).isEqualTo(c.stages());
        assertThat(loaded.assignments()).isEqualTo(c.assignments());
        assertThat(loaded.requests()).isEqualTo(c.requests());
        assertThat(loaded.handleDeadline()).contains(monday(11, 0));
        assertThat(events.stream(CaseReported.class).filter(e -> e.caseNo().equals(saved.caseNo())))
                .singleElement().extracting(CaseReported::caseId).isEqualTo(saved.id());
        assertThat(saved.events()).isEmpty();
    }

    @Test
    void aCaseInsertedWithNoTransactionOpenThatFailsWritesNothing() {
        var external = "EXT-" + uniqueNo();
        writer.insertAlone(Case.report(report(Channel.HOTLINE, false, false, external), OPERATOR, uniqueNo(),
                monday(8, 30), CLOCKS));
        var second = Case.report(report(Channel.HOTLINE, false, false, external), OPERATOR, uniqueNo(),
                monday(8, 31), CLOCKS);
        long timelineRows = jdbc.sql("SELECT COUNT(*) FROM case_timeline").query(Long.class).single();

        assertThatThrownBy(() -> writer.insertAlone(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.findByCaseNo(second.caseNo())).isEmpty();
        assertThat(second.id()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_timeline").query(Long.class).single()).isEqualTo(timelineRows);
        assertThat(events.stream(CaseReported.class).filter(e -> e.caseNo().equals(second.caseNo()))).isEmpty();
    }

    @Test
    void insertingWithNoTransactionOpenRefusesToRunInsideOne() {
        var c = Case.report(report(Channel.SUPERVISOR, false, false), SUPERVISOR, uniqueNo(), monday(8, 30), CLOCKS);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insertAlone(c)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repository.findByCaseNo(c.caseNo())).isEmpty();
    }

    @Test
    void aSecondCaseWithTheSameExternalIdIsADuplicateKeyAndWritesNothing() {
        var external = "EXT-" + uniqueNo();
        var first = Case.report(report(Channel.HOTLINE, false, false, external), OPERATOR, uniqueNo(), monday(8, 30),
                CLOCKS);
        stored(first);
        var second = Case.report(report(Channel.HOTLINE, false, false, external), OPERATOR, uniqueNo(),
                monday(8, 31), CLOCKS);

        assertThatThrownBy(() -> stored(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(repository.findByCaseNo(second.caseNo())).isEmpty();
        assertThat(second.id()).isNull();
    }

    @Test
    void anActionOnALoadedCaseIsStoredWithItsTimelineEntryAndANewVersion() {
        var saved = stored(dispatched());
        int version = saved.version();
        var loaded = repository.findById(saved.id().value()).orElseThrow();
        loaded.receive(WATER, monday(9, 10), null, CLOCKS);
        repository.save(loaded);

        var again = repository.findById(saved.id().value()).orElseThrow();
        assertThat(again.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(again.version()).isGreaterThan(version);
        assertThat(again.timeline().getLast().action()).isEqualTo(CaseAction.RECEIVE);
    }

    @Test
    void aStaleVersionIsRejectedAndChangesNothing() {
        var saved = stored(dispatched());
        var first = repository.findById(saved.id().value()).orElseThrow();
        var second = repository.findById(saved.id().value()).orElseThrow();
        first.receive(WATER, monday(9, 10), null, CLOCKS);
        repository.save(first);
        second.urge(DISPATCHER, monday(9, 11), "快", CLOCKS);

        assertThatThrownBy(() -> repository.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        var loaded = repository.findById(saved.id().value()).orElseThrow();
        assertThat(loaded.timeline()).extracting(TimelineEntry::action).doesNotContain(CaseAction.URGE);
    }

    @Test
    void savingACasePublishesItsEventsWithItsId() {
        var saved = stored(dispatched());
        assertThat(events.stream(CaseReported.class).filter(e -> e.caseNo().equals(saved.caseNo())))
                .singleElement().extracting(CaseReported::caseId).isEqualTo(saved.id());
        assertThat(events.stream(CaseTransitioned.class).filter(e -> saved.id().equals(e.caseId())))
                .extracting(CaseTransitioned::action)
                .containsExactly(CaseAction.ACCEPT, CaseAction.FILE, CaseAction.DISPATCH);
        assertThat(saved.events()).isEmpty();
    }

    @Test
    void caseNumbersAreTheDateAndADailySequence() {
        var day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
        var stamp = day.toString().replace("-", "");
        var drawn = tx.execute(s -> List.of(numbers.next(day), numbers.next(day), numbers.next(day)));
        var nextDay = tx.execute(s -> numbers.next(day.plusDays(1)));
        assertThat(drawn).containsExactly(stamp + "00001", stamp + "00002", stamp + "00003");
        assertThat(nextDay).isEqualTo(day.plusDays(1).toString().replace("-", "") + "00001");
    }

    @Test
    void aNumberDrawnInItsOwnTransactionIsNotGivenBackByTheCallersRollback() {
        var day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
        var stamp = day.toString().replace("-", "");
        assertThat(numbers.nextCommitted(day)).isEqualTo(stamp + "00001");
        tx.executeWithoutResult(s -> {
            numbers.next(day);
            s.setRollbackOnly();
        });
        assertThat(numbers.nextCommitted(day)).isEqualTo(stamp + "00002");
    }

    @Test
    void aDayWithMoreThan99999ReportsGoesOnWithSixDigits() {
        var day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
        var stamp = day.toString().replace("-", "");
        assertThat(numbers.nextCommitted(day)).isEqualTo(stamp + "00001");
        jdbc.sql("UPDATE case_number_counter SET last_value = 99998 WHERE for_date = :day").param("day", day).update();
        assertThat(numbers.nextCommitted(day)).isEqualTo(stamp + "99999");
        assertThat(numbers.nextCommitted(day)).isEqualTo(stamp + "100000");
        String inCallers = tx.execute(s -> numbers.next(day));
        assertThat(inCallers).isEqualTo(stamp + "100001");
    }

    @Test
    void caseNumbersAreUniqueAndGaplessUnderConcurrentCreation() throws Exception {
        var day = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
        int threads = 6;
        int each = 10;
        var drawn = new ConcurrentLinkedQueue<String>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                // half draw in their own transaction (how Cases.report draws), half in the caller's (an import, a
                // channel saving the case with its photos): both paths share the day's counter
                boolean committedAtOnce = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        drawn.add(committedAtOnce ? numbers.nextCommitted(day) : tx.execute(s -> numbers.next(day)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        var stamp = day.toString().replace("-", "");
        var expected = new HashSet<String>();
        for (int i = 1; i <= threads * each; i++) {
            expected.add(stamp + String.format("%05d", i));
        }
        assertThat(drawn).hasSize(threads * each).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void twoPeopleActingOnTheSameCaseAtOnceExactlyOneSucceeds() throws Exception {
        var saved = stored(dispatched());
        long id = saved.id().value();
        int version = saved.version();
        var start = new CountDownLatch(1);
        Callable<String> receive = () -> {
            start.await();
            try {
                cases.act(id, CaseAction.RECEIVE, version, ActionInput.NONE, WATER);
                return "ok";
            } catch (OptimisticLockingFailureException | DomainException.Conflict e) {
                return "409";
            }
        };
        Callable<String> urge = () -> {
            start.await();
            try {
                cases.act(id, CaseAction.URGE, version, ActionInput.note("快"), DISPATCHER);
                return "ok";
            } catch (OptimisticLockingFailureException | DomainException.Conflict e) {
                return "409";
            }
        };
        List<String> outcomes;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(receive);
            var b = pool.submit(urge);
            start.countDown();
            outcomes = List.of(a.get(), b.get());
        }
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "409");
        var loaded = repository.findById(id).orElseThrow();
        assertThat(loaded.timeline()).hasSize(saved.timeline().size() + 1);
    }
}
