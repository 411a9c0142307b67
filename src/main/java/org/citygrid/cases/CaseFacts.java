package org.citygrid.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citygrid.cases.internal.CaseFactQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only facts of case histories for reporting (the evaluation module): what happened, when, by whom, and the stage
 * clocks' deadlines, without loading aggregates. Facts recorded after {@code asOf} are left out; stage clock rows are
 * as stored now (their deadlines include every extension and parked time recorded so far).
 */
@Service
public class CaseFacts {

    private final CaseFactQueries queries;

    CaseFacts(CaseFactQueries queries) {
        this.queries = queries;
    }

    /**
     * Every case with a timeline entry from {@code from} (inclusive) to {@code to} (exclusive), at or before
     * {@code asOf}, with its whole history up to {@code asOf}, ordered by case id.
     */
    @Transactional(readOnly = true)
    public List<CaseFact> activeIn(Instant from, Instant to, Instant asOf) {
        return queries.activeIn(from, to, asOf, EnumSet.allOf(Stage.class));
    }

    /**
     * As {@link #activeIn(Instant, Instant, Instant)}, but with the stage clock runs of the given {@code stages} only
     * (a report that needs, say, only HANDLE deadlines reads and maps far fewer rows). Not in a transaction of its
     * own: called outside one, the facts are read in parallel parts, each in its own read-only transaction; inside
     * the caller's, one part after the other.
     */
    public List<CaseFact> activeIn(Instant from, Instant to, Instant asOf, Set<Stage> stages) {
        return queries.activeIn(from, to, asOf, stages);
    }

    /** One case's facts up to {@code asOf}. */
    @Transactional(readOnly = true)
    public Optional<CaseFact> of(long caseId, Instant asOf) {
        return queries.of(caseId, asOf);
    }

    // A case as reporting sees it. {@code steps} are in timeline order.
    public record CaseFact(long id, String caseNo, Channel channel, boolean selfHandled, String reportedBy,
                    Instant reportedAt, double lon, double lat, String gridCode, String communityCode,
                    String streetCode, String supervisionGridCode, String verifier, String checker,
                    List<Step> steps, List<Clock> clocks, List<Dispatch> dispatches) {
    }

    // One timeline entry.
    public record Step(Instant at, CaseAction action, String actor, CaseStatus from, CaseStatus to, String reason) {
    }

    // One run of a stage clock; HANDLE and RECEIVE belong to an assignment.
    public record Clock(Stage stage, int assignmentNo, Instant startedAt, Instant deadline, Instant endedAt) {
    }

    // One assignment (dispatch to a department).
    public record Dispatch(int assignmentNo, String departmentCode, Instant dispatchedAt, String dispatchedBy) {
    }
}
