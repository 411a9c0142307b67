package org.citygrid.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.springframework.data.annotation.AccessType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 案件 — a case and its whole record. Every action checks the {@link TransitionTable} (role → 403, state → 409, rule),
 * changes the state, runs the stage clocks, appends a {@link TimelineEntry} and registers an event. Time is always
 * a parameter: a replayed history acts at its own times.
 */
@Table("case_file")
@AccessType(AccessType.Type.FIELD)
public class Case {

    @Id
    private Long id;
    private String caseNo;
    private Channel channel;
    private ClassKind kind;
    private String classCode;
    private boolean urgent;
    private boolean selfHandled;
    private int handleLimitAmount;
    private TimeUnit handleLimitUnit;
    private double lon;
    private double lat;
    private String gridCode;
    private String communityCode;
    private String streetCode;
    private String districtCode;
    private String supervisionGridCode;
    private String address;
    private String description;
    private String reporterName;
    private String reporterPhone;
    private String reportedBy;
    private String externalId;
    private String componentId;
    private Instant reportedAt;
    private CaseStatus status;
    private String departmentCode;
    private String verifier;
    private String checker;
    private Long parentId;
    private Instant closedAt;
    private Instant updatedAt;
    @Version
    private int version;
    @MappedCollection(idColumn = "case_id", keyColumn = "seq")
    private List<TimelineEntry> timeline = new ArrayList<>();
    @MappedCollection(idColumn = "case_id", keyColumn = "seq")
    private List<StageClock> stages = new ArrayList<>();
    @MappedCollection(idColumn = "case_id", keyColumn = "seq")
    private List<Assignment> assignments = new ArrayList<>();
    @MappedCollection(idColumn = "case_id", keyColumn = "seq")
    private List<CaseRequest> requests = new ArrayList<>();
    @Transient
    private final transient List<Function<CaseId, Object>> events = new ArrayList<>();

    private Case() {
    }

    // ---------------------------------------------------------------- report

    /** 上报: a new case in REPORTED; the ACCEPT clock starts. */
    public static Case report(NewReport r, Actor by, String caseNo, Instant at, Clocks clocks) {
        requireReporterRole(r, by);
        var c = new Case();
        c.caseNo = caseNo;
        c.channel = r.channel();
        c.kind = r.kind();
        c.classCode = r.classCode();
        c.urgent = r.urgent();
        c.selfHandled = r.selfHandled();
        c.handleLimitAmount = r.handleLimit().amount();
        c.handleLimitUnit = r.handleLimit().unit();
        c.lon = r.lon();
        c.lat = r.lat();
        c.gridCode = r.location().gridCode();
        c.communityCode = r.location().communityCode();
        c.streetCode = r.location().streetCode();
        c.districtCode = r.location().districtCode();
        c.supervisionGridCode = r.location().supervisionGridCode();
        c.address = r.address();
        c.description = r.description();
        c.reporterName = r.reporterName() != null ? r.reporterName() : by.username();
        c.reporterPhone = r.reporterPhone();
        c.reportedBy = by.username();
        c.externalId = r.externalId();
        c.componentId = r.componentId();
        c.reportedAt = at;
        c.status = CaseStatus.REPORTED;
        c.updatedAt = at;
        c.timeline.add(TimelineEntry.of(at, CaseAction.REPORT, by.username(), null, CaseStatus.REPORTED,
                r.description(), null, List.of()));
        c.startClocks(at, clocks);
        c.events.add(id -> new CaseReported(id, caseNo, r.kind(), r.classCode(), r.location().gridCode(), at));
        return c;
    }

    static void requireReporterRole(NewReport r, Actor by) {
        if (r.channel() == Channel.SUPERVISOR ? !by.holds(Role.SUPERVISOR)
                : !(by.holds(Role.OPERATOR) || by.holds(Role.SHIFT_LEAD))) {
            throw new DomainException.Forbidden("cases.report.forbidden", r.channel());
        }
        if (r.selfHandled() && r.channel() != Channel.SUPERVISOR) {
            throw new DomainException.Invalid("selfHandled", "cases.report.self-handled-by-supervisor");
        }
    }

    // ---------------------------------------------------------------- intake

    /** 受理: a supervisor's report needs no verification; a self-handled one goes straight to closing. */
    public void accept(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.ACCEPT, by, at);
        move(CaseAction.ACCEPT, by, at, selfHandled ? CaseStatus.PENDING_CLOSE : CaseStatus.PENDING_FILING, note,
                null, clocks);
    }

    /** 派核实: tasks a supervisor with verifying a report from the public or another non-supervisor channel. */
    public void sendVerify(Actor by, Instant at, String supervisor, String note, Clocks clocks) {
        authorize(CaseAction.SEND_VERIFY, by, at);
        verifier = required("supervisor", supervisor);
        move(CaseAction.SEND_VERIFY, by, at, CaseStatus.PENDING_VERIFY, note, null, clocks);
    }

    /** 核实: the tasked supervisor found the problem (→ filing) or did not (→ not filed). */
    public void verify(Actor by, Instant at, Boolean found, String note, Clocks clocks) {
        authorize(CaseAction.VERIFY, by, at);
        required("passed", found);
        move(CaseAction.VERIFY, by, at, found ? CaseStatus.PENDING_FILING : CaseStatus.NOT_FILED, note, null, clocks);
    }

    /** 立案: sets urgency when given (an urgent case runs its later stages in natural time). */
    public void file(Actor by, Instant at, Boolean markUrgent, String note, Clocks clocks) {
        authorize(CaseAction.FILE, by, at);
        if (markUrgent != null) {
            urgent = markUrgent;
        }
        move(CaseAction.FILE, by, at, CaseStatus.PENDING_DISPATCH, note, null, clocks);
    }

    /** 不予立案: a reason is required. */
    public void reject(Actor by, Instant at, String reason, String note, Clocks clocks) {
        authorize(CaseAction.REJECT, by, at);
        required("reason", reason);
        move(CaseAction.REJECT, by, at, CaseStatus.NOT_FILED, note, reason, clocks);
    }

    /** 合并: a duplicate of an open parent case (the caller checks that the parent is open). */
    public void merge(Actor by, Instant at, CaseId parent, String note, Clocks clocks) {
        authorize(CaseAction.MERGE, by, at);
        required("parentId", parent);
        if (id != null && parent.value() == id) {
            throw new DomainException.Invalid("parentId", "cases.merge.self");
        }
        parentId = parent.value();
        move(CaseAction.MERGE, by, at, CaseStatus.NOT_FILED, note, "DUPLICATE", clocks);
    }

    // ---------------------------------------------------------------- command

    /** 派遣: a new assignment; HANDLE starts with the class's limit (the caller checks the department exists). */
    public void dispatch(Actor by, Instant at, String department, String note, Clocks clocks) {
        dispatch(by, at, department, note, null, clocks);
    }

    /** 派遣 with a reason on the timeline: how the department relates to the routing suggestion (see Routing). */
    public void dispatch(Actor by, Instant at, String department, String note, String reason, Clocks clocks) {
        authorize(CaseAction.DISPATCH, by, at);
        departmentCode = required("departmentCode", department);
        assignments.add(new Assignment(assignments.size() + 1, department, at, by.username(), null, null,
                Assignment.Outcome.ACTIVE));
        move(CaseAction.DISPATCH, by, at, CaseStatus.DISPATCHED, note, reason, clocks);
    }

    /** 接收 */
    public void receive(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.RECEIVE, by, at);
        updateAssignment(a -> a.received(at));
        move(CaseAction.RECEIVE, by, at, CaseStatus.IN_PROGRESS, note, null, clocks);
    }

    /** 申请回退 */
    public void requestReturn(Actor by, Instant at, String reason, String note, Clocks clocks) {
        request(CaseRequest.Kind.RETURN, CaseAction.REQUEST_RETURN, by, at, reason, null, null, note, clocks);
    }

    /** 同意回退: the assignment ends as RETURNED; the case waits for a new dispatch. */
    public void approveReturn(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.APPROVE_RETURN, by, at);
        decide(CaseRequest.Kind.RETURN, CaseRequest.Decision.APPROVED, by, at);
        updateAssignment(a -> a.ended(at, Assignment.Outcome.RETURNED));
        departmentCode = null;
        move(CaseAction.APPROVE_RETURN, by, at, CaseStatus.PENDING_DISPATCH, note, null, clocks);
    }

    public void denyReturn(Actor by, Instant at, String note, Clocks clocks) {
        deny(CaseRequest.Kind.RETURN, CaseAction.DENY_RETURN, by, at, note, clocks);
    }

    /** 申请延期: before the HANDLE deadline only; names the amount and unit wanted and why. */
    public void requestExtension(Actor by, Instant at, Integer amount, TimeUnit unit, String reason, String note,
                                 Clocks clocks) {
        required("amount", amount);
        required("unit", unit);
        checkExtensionAmount(amount);
        request(CaseRequest.Kind.EXTENSION, CaseAction.REQUEST_EXTENSION, by, at, reason, amount, unit, note, clocks);
    }

    /** 同意延期: the granted amount (the one asked for unless the dispatcher names another) moves the deadline. */
    public void approveExtension(Actor by, Instant at, Integer amount, TimeUnit unit, String note, Clocks clocks) {
        authorize(CaseAction.APPROVE_EXTENSION, by, at);
        if (amount != null) {
            checkExtensionAmount(amount);
        }
        var asked = decide(CaseRequest.Kind.EXTENSION, CaseRequest.Decision.APPROVED, by, at);
        int granted = amount != null ? amount : asked.amount();
        var grantedUnit = unit != null ? unit : asked.unit();
        updateHandle(h -> h.extended(granted, grantedUnit, clocks.calculator()));
        stay(CaseAction.APPROVE_EXTENSION, by, at, note, granted + " " + grantedUnit);
    }

    private static void checkExtensionAmount(int amount) {
        if (amount < 1 || amount > 10_000) {
            throw new DomainException.Invalid("amount", "cases.extension.amount", amount);
        }
    }

    public void denyExtension(Actor by, Instant at, String note, Clocks clocks) {
        deny(CaseRequest.Kind.EXTENSION, CaseAction.DENY_EXTENSION, by, at, note, clocks);
    }

    /** 申请挂账 */
    public void requestPark(Actor by, Instant at, String reason, String note, Clocks clocks) {
        request(CaseRequest.Kind.PARK, CaseAction.REQUEST_PARK, by, at, reason, null, null, note, clocks);
    }

    /** 同意挂账: HANDLE pauses. */
    public void approvePark(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.APPROVE_PARK, by, at);
        decide(CaseRequest.Kind.PARK, CaseRequest.Decision.APPROVED, by, at);
        move(CaseAction.APPROVE_PARK, by, at, CaseStatus.PARKED, note, null, clocks);
    }

    public void denyPark(Actor by, Instant at, String note, Clocks clocks) {
        deny(CaseRequest.Kind.PARK, CaseAction.DENY_PARK, by, at, note, clocks);
    }

    /** 恢复: HANDLE continues with the time that was left (the paused time is added back to the deadline). */
    public void resume(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.RESUME, by, at);
        move(CaseAction.RESUME, by, at, CaseStatus.IN_PROGRESS, note, null, clocks);
    }

    /**
     * 反馈: the result text and photos or a reason why there are none (whether the photos are the department's own
     * since the dispatch is checked by {@link Cases} against the attachment records). HANDLE stops; it resumes with
     * the same deadline if the check fails.
     */
    public void feedback(Actor by, Instant at, String note, String reason, List<Long> attachmentIds, Clocks clocks) {
        authorize(CaseAction.FEEDBACK, by, at);
        required("note", note);
        if ((attachmentIds == null || attachmentIds.isEmpty()) && (reason == null || reason.isBlank())) {
            throw new DomainException.Invalid(List.of("reason", "attachmentIds"),
                    "cases.attachment.feedback-photo-or-reason");
        }
        move(CaseAction.FEEDBACK, by, at, CaseStatus.PENDING_CHECK, note, reason, attachmentIds, clocks);
    }

    /** 派核查: names the supervisor who checks and starts CHECK (a second task keeps the running clock). */
    public void sendCheck(Actor by, Instant at, String supervisor, String note, Clocks clocks) {
        authorize(CaseAction.SEND_CHECK, by, at);
        checker = required("supervisor", supervisor);
        if (openClock(Stage.CHECK).isEmpty()) {
            startClock(Stage.CHECK, at, clocks);
        }
        stay(CaseAction.SEND_CHECK, by, at, note, null);
    }

    /** 核查: passed → waiting to close; failed → rework (返工) with the same department and HANDLE deadline. */
    public void check(Actor by, Instant at, Boolean passed, String note, Clocks clocks) {
        authorize(CaseAction.CHECK, by, at);
        required("passed", passed);
        var target = passed ? CaseStatus.PENDING_CLOSE : CaseStatus.IN_PROGRESS;
        if (!passed) {
            checker = null;
        }
        move(CaseAction.CHECK, by, at, target, note, null, clocks);
    }

    /** 结案 */
    public void close(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.CLOSE, by, at);
        updateAssignment(a -> a.ended(at, Assignment.Outcome.COMPLETED));
        closedAt = at;
        move(CaseAction.CLOSE, by, at, CaseStatus.CLOSED, note, null, clocks);
    }

    /** 申请作废 */
    public void requestVoid(Actor by, Instant at, String reason, String note, Clocks clocks) {
        request(CaseRequest.Kind.VOID, CaseAction.REQUEST_VOID, by, at, reason, null, null, note, clocks);
    }

    /** 作废 */
    public void approveVoid(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.APPROVE_VOID, by, at);
        decide(CaseRequest.Kind.VOID, CaseRequest.Decision.APPROVED, by, at);
        updateAssignment(a -> a.ended(at, Assignment.Outcome.VOIDED));
        closedAt = at;
        move(CaseAction.APPROVE_VOID, by, at, CaseStatus.VOIDED, note, null, clocks);
    }

    public void denyVoid(Actor by, Instant at, String note, Clocks clocks) {
        deny(CaseRequest.Kind.VOID, CaseAction.DENY_VOID, by, at, note, clocks);
    }

    /** 督办: a note on the timeline; listeners notify the department. */
    public void urge(Actor by, Instant at, String note, Clocks clocks) {
        authorize(CaseAction.URGE, by, at);
        stay(CaseAction.URGE, by, at, note, null);
    }

    // ---------------------------------------------------------------- the rules

    /** The actions {@code actor} may take on this case at {@code now}, in table order. */
    public List<CaseAction> allowedActions(Actor actor, Instant now) {
        return TransitionTable.all().keySet().stream()
                .filter(a -> a != CaseAction.REPORT && ActionRules.refusal(this, a, actor, now) == null).toList();
    }

    private void authorize(CaseAction action, Actor by, Instant at) {
        var refusal = ActionRules.refusal(this, action, by, at);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** The supervisor who reported the case or is tasked with verifying or checking it. */
    public boolean isSupervisorOf(String username) {
        return (channel == Channel.SUPERVISOR && username.equals(reportedBy)) || username.equals(verifier)
                || username.equals(checker);
    }

    // ---------------------------------------------------------------- requests

    private void request(CaseRequest.Kind kind, CaseAction action, Actor by, Instant at, String reason,
                         Integer amount, TimeUnit unit, String note, Clocks clocks) {
        authorize(action, by, at);
        required("reason", reason);
        requests.add(CaseRequest.of(kind, by.username(), at, reason, amount, unit));
        var detail = amount == null ? reason : reason + " (" + amount + " " + unit + ")";
        stay(action, by, at, note, detail);
    }

    private CaseRequest decide(CaseRequest.Kind kind, CaseRequest.Decision how, Actor by, Instant at) {
        var asked = pending(kind).orElseThrow();
        requests.set(requests.indexOf(asked), asked.decided(how, by.username(), at));
        return asked;
    }

    private void deny(CaseRequest.Kind kind, CaseAction action, Actor by, Instant at, String note, Clocks clocks) {
        authorize(action, by, at);
        decide(kind, CaseRequest.Decision.DENIED, by, at);
        stay(action, by, at, note, null);
    }

    public Optional<CaseRequest> pending(CaseRequest.Kind kind) {
        return requests.stream().filter(r -> r.kind() == kind && r.isPending()).findFirst();
    }

    /** Requests whose approval is no longer possible in the new state are withdrawn. */
    private void withdrawStaleRequests(Actor by, Instant at) {
        for (int i = 0; i < requests.size(); i++) {
            var r = requests.get(i);
            if (r.isPending() && !TransitionTable.of(approvalOf(r.kind())).from().contains(status)) {
                requests.set(i, r.decided(CaseRequest.Decision.WITHDRAWN, by.username(), at));
            }
        }
    }

    private static CaseAction approvalOf(CaseRequest.Kind kind) {
        return switch (kind) {
            case RETURN -> CaseAction.APPROVE_RETURN;
            case EXTENSION -> CaseAction.APPROVE_EXTENSION;
            case PARK -> CaseAction.APPROVE_PARK;
            case VOID -> CaseAction.APPROVE_VOID;
        };
    }

    // ---------------------------------------------------------------- state, timeline, events

    private void move(CaseAction action, Actor by, Instant at, CaseStatus target, String note, String reason,
                      Clocks clocks) {
        move(action, by, at, target, note, reason, List.of(), clocks);
    }

    private void move(CaseAction action, Actor by, Instant at, CaseStatus target, String note, String reason,
                      List<Long> attachmentIds, Clocks clocks) {
        var t = TransitionTable.of(action);
        if (!t.to().contains(target)) {
            throw new IllegalStateException(action + " may not lead to " + target);
        }
        var from = status;
        status = target;
        stopClocks(at);
        startClocks(at, clocks);
        withdrawStaleRequests(by, at);
        record(action, by, at, from, note, reason, attachmentIds);
    }

    /** Any action may carry photos (already checked to be this case's): they go on the entry it just wrote. */
    void recordAttachments(List<Long> attachmentIds) {
        if (attachmentIds != null && !attachmentIds.isEmpty()) {
            timeline.set(timeline.size() - 1, timeline.getLast().withAttachments(attachmentIds));
        }
    }

    private void stay(CaseAction action, Actor by, Instant at, String note, String reason) {
        record(action, by, at, status, note, reason, List.of());
    }

    private void record(CaseAction action, Actor by, Instant at, CaseStatus from, String note, String reason,
                        List<Long> attachmentIds) {
        updatedAt = at;
        timeline.add(TimelineEntry.of(at, action, by.username(), from, status, note, reason, attachmentIds));
        var to = status;
        var dept = departmentCode;
        events.add(id -> new CaseTransitioned(id, action, from, to, at, by.username(), dept));
    }

    // ---------------------------------------------------------------- clocks

    private void stopClocks(Instant at) {
        StageClocks.stop(stages, status, at);
    }

    private void startClocks(Instant at, Clocks clocks) {
        StageClocks.start(stages, status, at, activeAssignmentNo(), stage -> limitOf(stage, clocks.limits()),
                clocks.calculator());
    }

    private void startClock(Stage stage, Instant at, Clocks clocks) {
        StageClocks.startOne(stages, stage, at, activeAssignmentNo(), limitOf(stage, clocks.limits()),
                clocks.calculator());
    }

    /** The limit of a stage for this case: HANDLE from its class; natural units throughout for an urgent case. */
    public Limit limitOf(Stage stage, StageLimits limits) {
        var limit = stage == Stage.HANDLE ? new Limit(handleLimitAmount, handleLimitUnit) : limits.of(stage);
        return urgent ? limit.natural() : limit;
    }

    private Optional<StageClock> openClock(Stage stage) {
        return StageClocks.open(stages, stage);
    }

    private void updateHandle(Function<StageClock, StageClock> change) {
        var handle = openClock(Stage.HANDLE).orElseThrow();
        StageClocks.replace(stages, handle, change.apply(handle));
    }

    private void updateAssignment(Function<Assignment, Assignment> change) {
        activeAssignment().ifPresent(a -> assignments.set(assignments.indexOf(a), change.apply(a)));
    }

    public Optional<Assignment> activeAssignment() {
        return assignments.stream().filter(Assignment::isActive).findFirst();
    }

    private int activeAssignmentNo() {
        return activeAssignment().map(Assignment::assignmentNo).orElse(0);
    }

    /** The current HANDLE deadline of the active assignment, if the case has been dispatched. */
    public Optional<Instant> handleDeadline() {
        return StageClocks.handleOf(stages, activeAssignmentNo()).map(StageClock::deadline);
    }

    /** The worst light of the clocks that are open now (green when none is). */
    public Light light(Instant now, StageClockCalculator calc) {
        return StageClocks.worstLight(stages, now, calc);
    }

    private static <T> T required(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new DomainException.Invalid(field, "cases.field.required", field);
        }
        return value;
    }

    // ---------------------------------------------------------------- events for Spring Data

    @DomainEvents
    List<Object> domainEvents() {
        var caseId = id == null ? null : new CaseId(id);
        return events.stream().map(e -> e.apply(caseId)).toList();
    }

    @AfterDomainEventPublication
    void clearEvents() {
        events.clear();
    }

    /** After {@link CaseWriter} has inserted the case: its id and version. */
    void inserted(long newId, int newVersion) {
        this.id = newId;
        this.version = newVersion;
    }

    /** After {@link CaseWriter} has stored an action: the version the row now has. */
    void stored(int newVersion) {
        this.version = newVersion;
    }

    /** The events registered since the case was loaded, for tests and for the caller that saves the case. */
    public List<Object> events() {
        return domainEvents();
    }

    // ---------------------------------------------------------------- reading

    public CaseId id() { return id == null ? null : new CaseId(id); }
    public String caseNo() { return caseNo; }
    public Channel channel() { return channel; }
    public ClassKind kind() { return kind; }
    public String classCode() { return classCode; }
    public boolean urgent() { return urgent; }
    public boolean selfHandled() { return selfHandled; }
    public Limit handleLimit() { return new Limit(handleLimitAmount, handleLimitUnit); }
    public double lon() { return lon; }
    public double lat() { return lat; }
    public String gridCode() { return gridCode; }
    public String communityCode() { return communityCode; }
    public String streetCode() { return streetCode; }
    public String districtCode() { return districtCode; }
    public String supervisionGridCode() { return supervisionGridCode; }
    public String address() { return address; }
    public String description() { return description; }
    public String reporterName() { return reporterName; }
    public String reporterPhone() { return reporterPhone; }
    public String reportedBy() { return reportedBy; }
    public String externalId() { return externalId; }
    public String componentId() { return componentId; }
    public Instant reportedAt() { return reportedAt; }
    public CaseStatus status() { return status; }
    public String departmentCode() { return departmentCode; }
    public String verifier() { return verifier; }
    public String checker() { return checker; }
    public Optional<CaseId> parent() { return parentId == null ? Optional.empty() : Optional.of(new CaseId(parentId)); }
    public Instant closedAt() { return closedAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
    public List<TimelineEntry> timeline() { return List.copyOf(timeline); }
    public List<StageClock> stages() { return List.copyOf(stages); }
    public List<Assignment> assignments() { return List.copyOf(assignments); }
    public List<CaseRequest> requests() { return List.copyOf(requests); }
}
