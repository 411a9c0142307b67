package org.citygrid.evaluation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFacts;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Stage;
import org.citygrid.cases.StageClockCalculator;
import org.citygrid.evaluation.internal.Report.Row;
import org.citygrid.evaluation.internal.Report.Subject;
import org.citygrid.geo.GridLocation;
import org.citygrid.geo.Locator;
import org.citygrid.geo.Regions;
import org.citygrid.org.Department;
import org.citygrid.org.OrgDirectory;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Computes every figure of shared/domain/EVALUATION.md from the case facts of a period (see docs/EVALUATION.md for
 * the counting decisions). All arithmetic is in Java on the same facts, so H2 and PostgreSQL give the same numbers.
 */
@Component
public class Evaluator {

    public static final List<String> DEPARTMENT = List.of("assigned", "returned", "due", "disposed",
            "disposedOnTime", "disposedLate", "overdueOpen", "toClose", "closed", "reworked", "extended", "parked",
            "closingRate", "onTimeRate", "reworkRate", "extensionRate", "volumeScore");
    public static final List<String> SUPERVISOR = List.of("reported", "valid", "verifyTasks", "verifiedOnTime",
            "checkTasks", "checkedOnTime", "filedInGrids", "missed", "validRate", "missRate", "verifyOnTimeRate",
            "checkOnTimeRate");
    public static final List<String> OPERATOR = List.of("accepted", "verifySent", "verifySentOnTime", "checkSent",
            "checkSentOnTime", "volumeScore", "verifySentOnTimeRate", "checkSentOnTimeRate");
    public static final List<String> SHIFT_LEAD = List.of("filed", "filedOnTime", "accurate", "closedByThem",
            "closedOnTime", "filedOnTimeRate", "accurateRate", "closedOnTimeRate");
    public static final List<String> DISPATCHER = List.of("dispatched", "dispatchedOnTime", "accurate",
            "volumeScore", "onTimeRate", "accurateRate");
    public static final List<String> REGION = List.of("filed", "closed", "closedOnTime", "publicVerified",
            "unitGrids", "closingRate", "onTimeClosingRate", "publicReportRate", "filedPerGrid", "densityScore");

    /** The evaluated position roles. */
    public static final List<Role> POSITIONS = List.of(Role.OPERATOR, Role.SHIFT_LEAD, Role.DISPATCHER);
    /** The region levels. */
    public static final List<String> LEVELS = List.of("STREET", "COMMUNITY", "GRID");

    private final CaseFacts facts;
    private final SettingsStore settings;
    private final OrgDirectory org;
    private final Locator locator;
    private final Regions regions;
    private final StageClockCalculator calculator;
    private final Calendars calendars;
    private final AppealStore appeals;
    private final java.time.Clock clock;
    private final RecentFacts recent;

    Evaluator(CaseFacts facts, SettingsStore settings, OrgDirectory org, Locator locator, Regions regions,
              StageClockCalculator calculator, Calendars calendars, AppealStore appeals, java.time.Clock clock,
              RecentFacts recent) {
        this.clock = clock;
        this.recent = recent;
        this.facts = facts;
        this.settings = settings;
        this.org = org;
        this.locator = locator;
        this.regions = regions;
        this.calculator = calculator;
        this.calendars = calendars;
        this.appeals = appeals;
    }

    public ZoneId zone() {
        return calendars.zone();
    }

    /**
     * A period's table; {@code variant} is the role for positions and the level for regions; {@code asOf} null for
     * now.
     */
    public Report evaluate(Subject subject, String variant, LocalDate from, LocalDate to, Instant asOf) {
        return evaluate(List.of(new Table(subject, variant)), from, to, asOf).getFirst();
    }

    /** One table to evaluate: {@code variant} is the role for positions and the level for regions (null: default). */
    public record Table(Subject subject, String variant) {
    }

    /**
     * Several tables of the same period and as-of instant (e.g. departments and streets for the monthly report) from
     * ONE read of the case facts; each table is exactly what {@link #evaluate(Subject, String, LocalDate, LocalDate,
     * Instant)} gives for it. The reports come in the order of {@code tables}.
     */
    public List<Report> evaluate(List<Table> tables, LocalDate from, LocalDate to, Instant asOf) {
        var period = Period.of(from, to, asOf, clock.instant(), zone());
        tables.forEach(t -> {
            switch (t.subject()) {
                case POSITIONS -> role(t.variant());
                case REGIONS -> level(t.variant());
                default -> { }
            }
        });
        var stages = EnumSet.noneOf(Stage.class);
        tables.forEach(t -> stages.addAll(stages(t)));
        // a drill-down or the next table of the same finished period and instant counts the facts already read; a
        // period still running is read as of "now", an instant no later request asks for again, so it is not kept
        var key = new RecentFacts.Key(period.start(), period.end(), period.asOf());
        var histories = recent.get(key, stages);
        if (histories == null) {
            histories = facts.activeIn(period.start(), period.end(), period.asOf(), stages).stream()
                    .map(f -> new History(f, stages)).toList();
            if (!period.partial()) {
                recent.put(key, stages, histories);
            }
        }
        var s = settings.current();
        var out = new ArrayList<Report>(tables.size());
        for (var t : tables) {
            out.add(switch (t.subject()) {
                case DEPARTMENTS -> departments(histories, period, s);
                case SUPERVISORS -> supervisors(histories, period, s);
                case POSITIONS -> positions(histories, period, s, role(t.variant()));
                case REGIONS -> regions(histories, period, s, level(t.variant()));
            });
        }
        return List.copyOf(out);
    }

    /** The stage clocks a table reads (History refuses any other). */
    private static Set<Stage> stages(Table t) {
        return switch (t.subject()) {
            case DEPARTMENTS, REGIONS -> EnumSet.of(Stage.HANDLE);
            case SUPERVISORS -> EnumSet.of(Stage.VERIFY, Stage.CHECK);
            case POSITIONS -> switch (role(t.variant())) {
                case SHIFT_LEAD -> EnumSet.of(Stage.FILE, Stage.CLOSE);
                case DISPATCHER -> EnumSet.of(Stage.DISPATCH);
                default -> EnumSet.of(Stage.ACCEPT);
            };
        };
    }

    public static Role role(String variant) {
        if (variant == null || variant.isBlank()) {
            return Role.OPERATOR;
        }
        return POSITIONS.stream().filter(r -> r.name().equals(variant)).findFirst().orElseThrow(
                () -> new DomainException.BadRequest("role", "evaluation.role.invalid", variant));
    }

    public static String level(String variant) {
        if (variant == null || variant.isBlank()) {
            return "STREET";
        }
        if (!LEVELS.contains(variant)) {
            throw new DomainException.BadRequest("level", "evaluation.level.invalid", variant);
        }
        return variant;
    }

    // ------------------------------------------------------------------------------------------- departments

    private Report departments(List<History> histories, Period p, Settings s) {
        var appealed = appeals.approvedKeys(p.asOf());
        var tallies = new TreeMap<String, Tally>();
        for (var h : histories) {
            for (var a : h.stints()) {
                if (!p.contains(a.dispatch().at())) {
                    continue;
                }
                var t = tallies.computeIfAbsent(a.departmentCode(), k -> new Tally(DEPARTMENT.subList(0, 12)));
                department(t, h, a, appealed.contains(AppealStore.key(h.fact.id(), a.assignmentNo())), p.asOf());
            }
        }
        var rows = new ArrayList<Row>();
        var names = org.departments().stream().collect(Collectors.toMap(Department::code, Department::name,
                (x, y) -> x));
        tallies.forEach((code, t) -> {
            var f = new LinkedHashMap<String, Object>();
            DEPARTMENT.subList(0, 12).forEach(c -> f.put(c, t.count(c)));
            int due = t.count("due");
            int toClose = t.count("toClose");
            var closingRate = Tally.rate(t.count("closed"), toClose);
            var onTimeRate = Tally.rate(t.count("disposedOnTime"), due);
            var reworkRate = Tally.rate(t.count("reworked"), toClose);
            var volume = s.table("department.volume", BigDecimal.valueOf(due));
            f.put("closingRate", closingRate);
            f.put("onTimeRate", onTimeRate);
            f.put("reworkRate", reworkRate);
            f.put("extensionRate", Tally.rate(t.count("extended"), due));
            f.put("volumeScore", volume);
            var score = Tally.score(s.weights("department.weights"), volume, closingRate, onTimeRate,
                    Tally.complement(reworkRate));
            rows.add(row(code, names.getOrDefault(code, code), f, score, due, s, t));
        });
        return report(Subject.DEPARTMENTS, null, p, DEPARTMENT, rows);
    }

    private static void department(Tally t, History h, History.Stint a, boolean appealed, Instant asOf) {
        int no = a.assignmentNo();
        t.add("assigned", h, no);
        if (a.returned()) {
            t.add("returned", h, no);
            return;
        }
        if (h.voided()) {
            return;
        }
        t.add("due", h, no);
        var deadline = a.deadline();
        if (a.disposedBy().isPresent()) {
            t.add("disposed", h, no);
            t.add("toClose", h, no);
            if (a.disposedOnTime()) {
                t.add("disposedOnTime", h, no);
            } else {
                t.add("disposedOnTime", h, no, !appealed);
                t.add("disposedLate", h, no, appealed);
            }
        } else if (deadline.isPresent() && deadline.get().isBefore(asOf)) {
            t.add("overdueOpen", h, no, appealed);
            t.add("toClose", h, no, appealed);
        }
        if (a.closedThrough()) {
            t.add("closed", h, no);
        }
        if (a.reworked()) {
            t.add("reworked", h, no);
        }
        if (a.has(CaseAction.APPROVE_EXTENSION)) {
            t.add("extended", h, no);
        }
        if (a.has(CaseAction.APPROVE_PARK)) {
            t.add("parked", h, no);
        }
    }

    // ------------------------------------------------------------------------------------------- supervisors

    private Report supervisors(List<History> histories, Period p, Settings s) {
        var tallies = new TreeMap<String, Tally>();
        Function<String, Tally> of = u -> tallies.computeIfAbsent(u, k -> new Tally(SUPERVISOR.subList(0, 8)));
        var gridSupervisors = new HashMap<String, String>();
        for (var h : histories) {
            var f = h.fact;
            if (!h.fromPublic() && p.contains(f.reportedAt())) {
                of.apply(f.reportedBy()).add("reported", h, 0);
                if (h.filedAt().isPresent()) {
                    of.apply(f.reportedBy()).add("valid", h, 0);
                }
            }
            var steps = h.steps();
            for (int i = 0; i < steps.size(); i++) {
                var step = steps.get(i);
                if (step.action() == CaseAction.SEND_VERIFY && p.contains(step.at())) {
                    var answer = h.nextAfter(i, CaseAction.VERIFY);
                    var who = answer.map(x -> x.actor()).orElse(f.verifier());
                    if (who != null) {
                        of.apply(who).add("verifyTasks", h, 0);
                        if (answer.isPresent() && h.withinClock(Stage.VERIFY, answer.get().at())) {
                            of.apply(who).add("verifiedOnTime", h, 0);
                        }
                    }
                } else if (step.action() == CaseAction.SEND_CHECK && p.contains(step.at())) {
                    var answer = h.nextAfter(i, CaseAction.CHECK);
                    var who = answer.map(x -> x.actor()).orElse(f.checker());
                    if (who != null) {
                        of.apply(who).add("checkTasks", h, 0);
                        var clock = h.clockAt(Stage.CHECK, step.at());
                        if (answer.isPresent() && clock.isPresent()
                                && !answer.get().at().isAfter(clock.get().deadline())) {
                            of.apply(who).add("checkedOnTime", h, 0);
                        }
                    }
                }
            }
            var filed = h.filedAt();
            if (filed.isPresent() && p.contains(filed.get())) {
                var who = gridSupervisors.computeIfAbsent(String.valueOf(f.supervisionGridCode()), g -> locator
                        .locate(f.lon(), f.lat()).map(GridLocation::supervisor).orElse(""));
                if (!who.isEmpty()) {
                    of.apply(who).add("filedInGrids", h, 0);
                    if (h.fromPublic()) {
                        of.apply(who).add("missed", h, 0);
                    }
                }
            }
        }
        var rows = new ArrayList<Row>();
        tallies.forEach((user, t) -> {
            var f = counts(t, SUPERVISOR.subList(0, 8));
            var validRate = Tally.rate(t.count("valid"), t.count("reported"));
            var missRate = Tally.rate(t.count("missed"), t.count("filedInGrids"));
            var verify = Tally.rate(t.count("verifiedOnTime"), t.count("verifyTasks"));
            var check = Tally.rate(t.count("checkedOnTime"), t.count("checkTasks"));
            f.put("validRate", validRate);
            f.put("missRate", missRate);
            f.put("verifyOnTimeRate", verify);
            f.put("checkOnTimeRate", check);
            var score = Tally.score(s.weights("supervisor.weights"), validRate, Tally.complement(missRate), verify,
                    check);
            rows.add(row(user, displayName(user), f, score, t.count("reported"), s, t));
        });
        return report(Subject.SUPERVISORS, null, p, SUPERVISOR, rows);
    }

    // ------------------------------------------------------------------------------------------- positions

    private Report positions(List<History> histories, Period p, Settings s, Role role) {
        var people = org.peopleWithRole(role).stream().map(Person::username).collect(Collectors.toSet());
        var figures = switch (role) {
            case SHIFT_LEAD -> SHIFT_LEAD;
            case DISPATCHER -> DISPATCHER;
            default -> OPERATOR;
        };
        var counts = figures.stream().filter(f -> !f.endsWith("Rate") && !f.equals("volumeScore")).toList();
        var tallies = new TreeMap<String, Tally>();
        for (var h : histories) {
            var steps = h.steps();
            for (int i = 0; i < steps.size(); i++) {
                var step = steps.get(i);
                if (!p.contains(step.at()) || !people.contains(step.actor())) {
                    continue;
                }
                var t = tallies.computeIfAbsent(step.actor(), k -> new Tally(counts));
                switch (role) {
                    case SHIFT_LEAD -> shiftLead(t, h, step);
                    case DISPATCHER -> dispatcher(t, h, step, i);
                    default -> operator(t, h, step, i, s);
                }
            }
        }
        var rows = new ArrayList<Row>();
        tallies.forEach((user, t) -> {
            var f = counts(t, counts);
            BigDecimal score;
            int sample;
            switch (role) {
                case SHIFT_LEAD -> {
                    sample = t.count("filed");
                    var filedOnTime = Tally.rate(t.count("filedOnTime"), sample);
                    var accurate = Tally.rate(t.count("accurate"), sample);
                    var closed = Tally.rate(t.count("closedOnTime"), t.count("closedByThem"));
                    f.put("filedOnTimeRate", filedOnTime);
                    f.put("accurateRate", accurate);
                    f.put("closedOnTimeRate", closed);
                    score = Tally.score(s.weights("shiftLead.weights"), filedOnTime, accurate, closed);
                }
                case DISPATCHER -> {
                    sample = t.count("dispatched");
                    var volume = s.table("position.volume", BigDecimal.valueOf(sample));
                    var onTime = Tally.rate(t.count("dispatchedOnTime"), sample);
                    var accurate = Tally.rate(t.count("accurate"), sample);
                    f.put("volumeScore", volume);
                    f.put("onTimeRate", onTime);
                    f.put("accurateRate", accurate);
                    score = Tally.score(s.weights("dispatcher.weights"), volume, onTime, accurate);
                }
                default -> {
                    sample = t.count("accepted");
                    var volume = s.table("position.volume", BigDecimal.valueOf(sample));
                    var verify = Tally.rate(t.count("verifySentOnTime"), t.count("verifySent"));
                    var check = Tally.rate(t.count("checkSentOnTime"), t.count("checkSent"));
                    f.put("volumeScore", volume);
                    f.put("verifySentOnTimeRate", verify);
                    f.put("checkSentOnTimeRate", check);
                    score = Tally.score(s.weights("operator.weights"), volume, verify, check);
                }
            }
            rows.add(row(user, displayName(user), f, score, sample, s, t));
        });
        return report(Subject.POSITIONS, role.name(), p, figures, rows);
    }

    /** 受理: the first intake decision on a report (accept, send to verify, reject, merge) counts once. */
    private void operator(Tally t, History h, CaseFacts.Step step, int i, Settings s) {
        boolean intake = step.from() == CaseStatus.REPORTED
                && Set.of(CaseAction.ACCEPT, CaseAction.SEND_VERIFY, CaseAction.REJECT, CaseAction.MERGE)
                .contains(step.action());
        if (intake) {
            t.add("accepted", h, 0);
        }
        if (step.action() == CaseAction.SEND_VERIFY) {
            t.add("verifySent", h, 0);
            if (h.withinClock(Stage.ACCEPT, step.at())) {
                t.add("verifySentOnTime", h, 0);
            }
        } else if (step.action() == CaseAction.SEND_CHECK) {
            t.add("checkSent", h, 0);
            var feedback = h.lastBefore(i, CaseAction.FEEDBACK);
            if (feedback.isPresent() && !step.at().isAfter(calculator.deadline(feedback.get().at(),
                    s.checkSendWorkMinutes(), TimeUnit.WORK_MINUTES))) {
                t.add("checkSentOnTime", h, 0);
            }
        }
    }

    private static void shiftLead(Tally t, History h, CaseFacts.Step step) {
        if (step.action() == CaseAction.FILE) {
            t.add("filed", h, 0);
            if (h.withinClock(Stage.FILE, step.at())) {
                t.add("filedOnTime", h, 0);
            }
            if (!h.voided()) {
                t.add("accurate", h, 0);
            }
        } else if (step.action() == CaseAction.CLOSE) {
            t.add("closedByThem", h, 0);
            if (h.withinClock(Stage.CLOSE, step.at())) {
                t.add("closedOnTime", h, 0);
            }
        }
    }

    private static void dispatcher(Tally t, History h, CaseFacts.Step step, int i) {
        if (step.action() != CaseAction.DISPATCH) {
            return;
        }
        var stint = h.stints().stream().filter(a -> a.dispatch() == step).findFirst();
        int no = stint.map(History.Stint::assignmentNo).orElse(0);
        t.add("dispatched", h, no);
        if (h.withinClock(Stage.DISPATCH, step.at())) {
            t.add("dispatchedOnTime", h, no);
        }
        if (stint.map(a -> !a.returned()).orElse(true)) {
            t.add("accurate", h, no);
        }
    }

    // ------------------------------------------------------------------------------------------- regions

    private Report regions(List<History> histories, Period p, Settings s, String level) {
        var tallies = new TreeMap<String, Tally>();
        var counts = REGION.subList(0, 4);
        for (var h : histories) {
            var filed = h.filedAt();
            if (filed.isEmpty() || !p.contains(filed.get())) {
                continue;
            }
            var code = switch (level) {
                case "GRID" -> h.fact.gridCode();
                case "COMMUNITY" -> h.fact.communityCode();
                default -> h.fact.streetCode();
            };
            if (code == null) {
                continue;
            }
            var t = tallies.computeIfAbsent(code, k -> new Tally(counts));
            t.add("filed", h, 0);
            if (h.closedAt().isPresent()) {
                t.add("closed", h, 0);
                if (h.stints().stream().filter(a -> a.disposedBy().isPresent())
                        .allMatch(History.Stint::disposedOnTime)) {
                    t.add("closedOnTime", h, 0);
                }
            }
            if (h.fromPublic()) {
                t.add("publicVerified", h, 0);
            }
        }
        var rows = new ArrayList<Row>();
        // streets and communities by name (the code beside it, as for departments); a unit grid's code is its name
        var names = level.equals("GRID") ? Map.<String, String>of() : regions.names(tallies.keySet());
        tallies.forEach((code, t) -> {
            var f = counts(t, counts);
            int filed = t.count("filed");
            int grids = level.equals("GRID") ? 1 : Math.max(1, regions.unitGridCount(code));
            var closing = Tally.rate(t.count("closed"), filed);
            var onTime = Tally.rate(t.count("closedOnTime"), filed);
            var publicRate = Tally.rate(t.count("publicVerified"), filed);
            var perGrid = BigDecimal.valueOf(filed).divide(BigDecimal.valueOf(grids), 2,
                    java.math.RoundingMode.HALF_UP);
            var density = s.table("region.density", perGrid);
            f.put("unitGrids", grids);
            f.put("closingRate", closing);
            f.put("onTimeClosingRate", onTime);
            f.put("publicReportRate", publicRate);
            f.put("filedPerGrid", perGrid);
            f.put("densityScore", density);
            var score = Tally.score(s.weights("region.weights"), density, closing, onTime,
                    Tally.complement(publicRate));
            rows.add(row(code, names.getOrDefault(code, code), f, score, filed, s, t));
        });
        return report(Subject.REGIONS, level, p, REGION, rows);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static LinkedHashMap<String, Object> counts(Tally t, List<String> names) {
        var f = new LinkedHashMap<String, Object>();
        names.forEach(c -> f.put(c, t.count(c)));
        return f;
    }

    private String displayName(String username) {
        return org.person(username).map(Person::displayName).orElse(username);
    }

    private static Row row(String key, String name, Map<String, Object> figures, BigDecimal score, int sample,
                           Settings s, Tally t) {
        return new Row(key, name, figures, score, s.grade(score), sample < s.minimumSample(), t.items);
    }

    private static Report report(Subject subject, String variant, Period p, List<String> figures, List<Row> rows) {
        rows.sort(Comparator.comparing(Row::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Row::key));
        return new Report(subject, variant, p.from(), p.to(), p.asOf(), figures, List.copyOf(rows));
    }
}
