package org.citygrid.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFacts.CaseFact;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.cases.Stage;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A period's facts read in many parts on two threads (each part in its own transaction) are exactly the facts of one
 * read, and of the same parts read one after the other in the caller's transaction: the dense parts (ids read by
 * their range) and the sparse ones (ids in lists) alike. Runs on H2 and on PostgreSQL through the two subclasses.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseFactPartsContract {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Actor SUP = Actor.of("supervisor1", null, Role.SUPERVISOR);
    private static final Actor OP = Actor.of("operator1", null, Role.OPERATOR);
    /** A month no other test writes in. */
    private static final Instant FROM = LocalDateTime.of(2033, 7, 1, 0, 0).atZone(ZONE).toInstant();
    private static final Instant TO = LocalDateTime.of(2033, 8, 1, 0, 0).atZone(ZONE).toInstant();
    private static final Instant AS_OF = TO.plus(Duration.ofDays(3));

    @Autowired
    Cases cases;
    @Autowired
    MutableClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<Long> touched = new ArrayList<>();
    private final List<Long> untouched = new ArrayList<>();

    @BeforeAll
    void history() {
        // 12 cases reported the month before, every third accepted in the month: sparse ids in the month ...
        var before = new ArrayList<Long>();
        for (int i = 0; i < 12; i++) {
            clock.set(FROM.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(i)));
            before.add(report());
        }
        for (int i = 0; i < before.size(); i++) {
            long id = before.get(i);
            if (i % 3 == 0) {
                clock.set(FROM.plus(Duration.ofHours(i)));
                cases.act(id, CaseAction.ACCEPT, cases.get(id, OP).version(), ActionInput.NONE, OP);
                touched.add(id);
            } else {
                untouched.add(id);
            }
        }
        // ... and 12 reported in the month, some accepted after it (a step after the period, before the as-of)
        for (int i = 0; i < 12; i++) {
            clock.set(FROM.plus(Duration.ofDays(5)).plus(Duration.ofMinutes(i)));
            long id = report();
            touched.add(id);
            if (i % 2 == 0) {
                clock.set(TO.plus(Duration.ofHours(i)));
                cases.act(id, CaseAction.ACCEPT, cases.get(id, OP).version(), ActionInput.NONE, OP);
            }
        }
    }

    private long report() {
        return cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039, 39.9151,
                null, null, "井盖破损", false, null, null, null), SUP).id().value();
    }

    private List<CaseFact> read(int threads, int rangeChunk, int listChunk, Set<Stage> stages) {
        return new CaseFactQueries(dataSource, transactions, threads, rangeChunk, listChunk)
                .activeIn(FROM, TO, AS_OF, stages);
    }

    @Test
    void manyPartsOnTwoThreadsReadExactlyWhatOneReadDoes() {
        for (var stages : List.of(EnumSet.allOf(Stage.class), EnumSet.of(Stage.HANDLE, Stage.ACCEPT))) {
            var whole = read(1, 1_000_000, 1_000_000, stages);
            assertThat(whole).extracting(CaseFact::id).containsAll(touched).doesNotContainAnyElementsOf(untouched)
                    .isSorted();
            assertThat(whole).filteredOn(f -> touched.contains(f.id()))
                    .allSatisfy(f -> assertThat(f.steps()).isNotEmpty());

            // ranges of 3 ids, lists of 2: a dozen parts, dense and sparse
            var parted = read(2, 3, 2, stages);
            assertThat(parted).isEqualTo(whole);

            var inCallersTransaction = new TransactionTemplate(transactions).execute(s -> read(2, 3, 2, stages));
            assertThat(inCallersTransaction).isEqualTo(whole);
        }
    }

    @Test
    void aStepAfterTheAsOfInstantIsNotAFact() {
        var early = new CaseFactQueries(dataSource, transactions, 2, 3, 2).activeIn(FROM, TO, TO,
                EnumSet.allOf(Stage.class));
        var late = read(2, 3, 2, EnumSet.allOf(Stage.class));
        long accepted = late.stream().filter(f -> touched.contains(f.id()))
                .flatMap(f -> f.steps().stream()).filter(s -> s.action() == CaseAction.ACCEPT && !s.at().isBefore(TO))
                .count();
        assertThat(accepted).as("accepted after the month, before the as-of").isEqualTo(6);
        assertThat(early.stream().flatMap(f -> f.steps().stream()).filter(s -> s.at().isAfter(TO)))
                .as("as of the month's end: only the acceptance at that very instant").isEmpty();
        assertThat(early.stream().filter(f -> touched.contains(f.id())).flatMap(f -> f.steps().stream())
                .filter(s -> s.at().equals(TO))).hasSize(1);
    }
}
