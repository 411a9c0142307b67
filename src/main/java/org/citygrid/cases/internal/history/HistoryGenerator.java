package org.citygrid.cases.internal.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.geo.GridLocation;

/**
 * Generates a SYNTHETIC history of the demo district as lines of the legacy import format (docs/CASES.md, "Importing
 * history"), derived from the real Los Angeles 311 sample ({@link LaSample}): the LA requests give the arrival time of
 * day, the channel of public reports, the class (LA request types mapped to our classes), the place (the LA point
 * mapped affinely into the district's bounding box; a point outside every unit grid takes the next request's point)
 * and how slow the handling is within its class (the LA close-time quantile). The rest is a model written down in
 * docs/DEMO-HISTORY.md: the share of supervisor reports, weekday/holiday volumes, department speeds (on-time rates),
 * and the side paths — self-handled, rejected, verified and not found, merged duplicates, returned and re-dispatched,
 * return denied, extended, extension denied, parked and resumed, reworked, voided, stuck (overdue, still open), urged.
 * Every event respects the workflow (WORKFLOW.md); events after {@code now} are cut off, so recent cases stay open in
 * whatever stage they had reached, and a few cases per open stage are added just before {@code now}.
 * Pure and deterministic: the same {@link Plan} and {@link World} give the same bytes.
 */
final class HistoryGenerator {

    /** What is generated: about {@code count} cases over the {@code months} before {@code now}. */
    record Plan(int count, int months, long seed, double supervisorShare, Instant now, String prefix) {
    }

    /** What the generator reads from the platform: map, catalog, calendar, departments. */
    interface World {
        ZoneId zone();

        Optional<GridLocation> locate(double lon, double lat);

        HandleLimit handleLimit(ClassKind kind, String code);

        String className(ClassKind kind, String code);

        Instant deadline(Instant start, int amount, TimeUnit unit);

        Duration elapsed(Instant from, Instant to, TimeUnit unit);

        Instant plusElapsed(Instant instant, Duration length, TimeUnit unit);

        boolean isWorkingDay(LocalDate date);

        boolean departmentExists(String code);
    }

    /** The NDJSON lines and, per action (and a few derived facts), how many cases of the file contain it. */
    record Result(List<String> lines, Map<String, Integer> counts) {

        byte[] bytes(int from, int to) {
            var out = new StringBuilder();
            for (int i = from; i < to; i++) {
                out.append(lines.get(i)).append('\n');
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    static final String SYNTHETIC = "合成演示数据 SYNTHETIC：洛杉矶 311 样本变换";
    /** Dongcheng's bounding box (WGS84), into which the LA sample's bounding box is mapped. */
    static final double MIN_LON = 116.37;
    static final double MAX_LON = 116.455;
    static final double MIN_LAT = 39.85;
    static final double MAX_LAT = 39.975;
    static final String STREET = "STREET";
    static final String ENFORCEMENT = "CGJ-ZFDD";
    static final List<String> SUPERVISORS = List.of("supervisor1", "supervisor2", "supervisor3", "supervisor4",
            "supervisor5");
    static final List<String> OPEN_STAGES = List.of("REPORTED", "PENDING_VERIFY", "PENDING_FILING",
            "PENDING_DISPATCH", "DISPATCHED", "IN_PROGRESS", "PARKED", "PENDING_CHECK", "PENDING_CLOSE");

    /** A class a case may have, its owner (a department code, or {@link #STREET}: the street office of the grid). */
    record Kind(ClassKind kind, String code, String owner, double weight) {
    }

    private static Kind m(String code, String owner, double weight) {
        return new Kind(ClassKind.MATTER, code, owner, weight);
    }

    private static Kind c(String code, String owner, double weight) {
        return new Kind(ClassKind.COMPONENT, code, owner, weight);
    }

    /** LA request types → our classes (管理事项 mostly; street lights and water → 部件). */
    static final Map<String, List<Kind>> BY_LA_TYPE = Map.ofEntries(
            Map.entry("Bulky Items", List.of(m("06035", "sanitation", 3), m("06036", STREET, 2),
                    m("06042", "sanitation", 1))),
            Map.entry("Graffiti Removal", List.of(m("07001", STREET, 3), m("06004", STREET, 1))),
            Map.entry("Illegal Dumping Pickup", List.of(m("06011", "sanitation", 2), m("06010", "sanitation", 2),
                    m("08005", STREET, 1))),
            Map.entry("Metal/Household Appliances", List.of(m("06035", "sanitation", 1), m("09004", STREET, 1))),
            Map.entry("Electronic Waste", List.of(m("06035", "sanitation", 1), m("09004", STREET, 1))),
            Map.entry("Homeless Encampment", List.of(m("09003", STREET, 2), m("09005", STREET, 1),
                    m("09006", STREET, 1))),
            Map.entry("Dead Animal Removal", List.of(m("06037", "sanitation", 1))),
            Map.entry("Other", List.of(m("09009", "traffic", 2), m("09010", STREET, 2), m("06028", STREET, 1),
                    m("06012", "sanitation", 2), m("08002", STREET, 1), m("06013", "roads", 1),
                    m("10002", "telecom", 1))),
            Map.entry("Single Streetlight Issue", List.of(c("01037", "lighting", 1))),
            Map.entry("Multiple Streetlight Issue", List.of(c("01037", "lighting", 1))),
            Map.entry("Report Water Waste", List.of(c("01001", "water", 1))),
            Map.entry("Feedback", List.of(m("06012", "sanitation", 1))));

    /** What supervisors find on patrol besides the LA-type matters: damaged components (部件), like a census mix. */
    static final List<Kind> COMPONENTS = List.of(c("01001", "water", 6), c("01002", "drainage", 6),
            c("01003", "drainage", 5), c("01004", "drainage", 5), c("01007", "telecom", 4), c("01010", "heating", 2),
            c("01011", "gas", 2), c("01030", "power", 2), c("01037", "lighting", 9), c("02012", "roads", 2),
            c("02014", "traffic", 2), c("02017", "traffic", 3), c("02021", "roads", 3), c("03001", "sanitation", 1),
            c("03005", "sanitation", 8), c("04002", "greening", 6));

    /** Share of supervisor reports whose class is a component rather than the LA request's matter. */
    static final double COMPONENT_SHARE = 0.45;
    /** Classes a supervisor may fix on the spot (自处置). */
    static final List<String> SELF_HANDLEABLE = List.of("07001", "06010", "06012", "09010", "06036", "03005");

    /** On-time rate (share of assignments finished within the HANDLE limit) of the professional departments. */
    static final Map<String, Double> ON_TIME = Map.ofEntries(Map.entry("water", 0.93), Map.entry("drainage", 0.88),
            Map.entry("power", 0.90), Map.entry("lighting", 0.84), Map.entry("gas", 0.95), Map.entry("heating", 0.91),
            Map.entry("telecom", 0.78), Map.entry("traffic", 0.82), Map.entry("roads", 0.76),
            Map.entry("greening", 0.87), Map.entry("sanitation", 0.94));

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Plan plan;
    private final World world;
    private final LaSample sample;
    private final Random random;
    private final ZoneId zone;
    private final Map<String, Double> streetOnTime = new HashMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    /** Recent cases that a duplicate report may be merged into. */
    private final ArrayDeque<Parent> recent = new ArrayDeque<>();

    private record Parent(String externalId, Kind kind, double lon, double lat, Instant reportedAt,
                          Instant closedAt) {
    }

    /** One case being built. */
    private final class Draft {
        final String id;
        final String channel;
        final Kind kind;
        final double lon;
        final double lat;
        final GridLocation grid;
        final Instant reportedAt;
        final String reporter;
        final double q;
        boolean selfHandled;
        final List<Ev> events = new ArrayList<>();
        Instant t;

        Draft(String id, String channel, Kind kind, double lon, double lat, GridLocation grid, Instant reportedAt,
              String reporter, double q) {
            this.id = id;
            this.channel = channel;
            this.kind = kind;
            this.lon = lon;
            this.lat = lat;
            this.grid = grid;
            this.reportedAt = reportedAt;
            this.reporter = reporter;
            this.q = q;
            this.t = reportedAt;
        }

        /** The next event, {@code min} + an exponential wait of mean {@code mean} minutes after the previous one. */
        Ev step(double min, double mean, String action, String actor) {
            t = t.plusSeconds(Math.round(60 * (min + exponential(mean))));
            return at(t, action, actor);
        }

        Ev at(Instant when, String action, String actor) {
            if (when.isAfter(t)) {
                t = when;
            }
            var e = new Ev(t, action, actor, new StringBuilder());
            events.add(e);
            return e;
        }
    }

    /** One event; {@code fields} holds extra JSON members, each starting with a comma. */
    private record Ev(Instant at, String action, String actor, StringBuilder fields) {

        Ev with(String name, String value) {
            fields.append(",\"").append(name).append("\":\"").append(value).append('"');
            return this;
        }

        Ev with(String name, Object literal) {
            fields.append(",\"").append(name).append("\":").append(literal);
            return this;
        }
    }

    HistoryGenerator(Plan plan, World world, LaSample sample) {
        this.plan = plan;
        this.world = world;
        this.sample = sample;
        this.random = new Random(plan.seed());
        this.zone = world.zone();
    }

    Result generate() {
        var lines = new ArrayList<String>();
        int openPerStage = Math.max(2, Math.min(20, plan.count() / 500));
        int regular = Math.max(0, plan.count() - openPerStage * OPEN_STAGES.size());
        var today = plan.now().atZone(zone).toLocalDate();
        var first = today.minusMonths(plan.months());
        int nowMinute = plan.now().atZone(zone).toLocalTime().toSecondOfDay() / 60;
        var days = new ArrayList<LocalDate>();
        var weights = new ArrayList<Double>();
        for (var d = first; !d.isAfter(today); d = d.plusDays(1)) {
            double w = dayWeight(d);
            if (d.equals(today)) {
                w *= arrivalsBefore(nowMinute);
            }
            days.add(d);
            weights.add(w);
        }
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        int seq = 0;
        double carry = 0;
        for (int i = 0; i < days.size(); i++) {
            double exact = regular * weights.get(i) / sum + carry;
            int n = (int) Math.floor(exact);
            carry = exact - n;
            if (i == days.size() - 1) {
                n = regular - seq;
            }
            var arrivals = new ArrayList<Arrival>();
            for (int k = 0; k < n; k++) {
                arrivals.add(arrival(days.get(i), days.get(i).equals(today) ? nowMinute : 24 * 60));
            }
            arrivals.sort(Comparator.comparing(Arrival::at));
            for (var a : arrivals) {
                var line = regularCase(plan.prefix() + "R" + String.format(Locale.ROOT, "%06d", ++seq), a);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        int open = 0;
        for (var stage : OPEN_STAGES) {
            for (int k = 0; k < openPerStage; k++) {
                lines.add(openCase(plan.prefix() + "N" + String.format(Locale.ROOT, "%04d", ++open), stage));
            }
        }
        return new Result(List.copyOf(lines), Map.copyOf(counts));
    }

    // ------------------------------------------------------------------ arrivals

    /** Weekdays carry the load (Monday most), weekends and official days off about 60 %. */
    private double dayWeight(LocalDate d) {
        if (!world.isWorkingDay(d)) {
            return 0.6;
        }
        return switch (d.getDayOfWeek()) {
            case MONDAY -> 1.12;
            case FRIDAY -> 0.95;
            default -> 1.0;
        };
    }

    private double arrivalsBefore(int minute) {
        long before = sample.requests().stream().filter(r -> r.minute() < minute).count();
        return (double) before / sample.requests().size();
    }

    private record Arrival(Instant at, LaSample.Request request, String channel, double lon, double lat,
                           GridLocation grid) {
    }

    private Arrival arrival(LocalDate day, int beforeMinute) {
        boolean supervisor = random.nextDouble() < plan.supervisorShare();
        LaSample.Request r;
        int guard = 0;
        do {
            r = pick(sample.requests());
        } while (++guard < 200 && (r.minute() >= beforeMinute
                || (supervisor && (r.minute() < 450 || r.minute() > 1110))));
        if (r.minute() >= beforeMinute) {
            r = new LaSample.Request(r.type(), r.source(), Math.max(0, beforeMinute - 1), r.x(), r.y(), r.q(),
                    r.status());
        }
        var channel = supervisor || r.source().equals("Driver Self Report") ? "SUPERVISOR" : switch (r.source()) {
            case "Call", "Voicemail", "Walk-in", "Council's Office" -> "HOTLINE";
            default -> "PORTAL";
        };
        var at = day.atTime(LocalTime.ofSecondOfDay(r.minute() * 60L + random.nextInt(60))).atZone(zone).toInstant();
        if (at.isAfter(plan.now())) {
            at = plan.now();
        }
        // the place: the LA point mapped into the district's box; outside every grid → the next request's point
        var p = r;
        for (int tries = 0; tries < 1000; tries++) {
            double lon = MIN_LON + p.x() * (MAX_LON - MIN_LON) + (random.nextDouble() - 0.5) * 0.0002;
            double lat = MIN_LAT + p.y() * (MAX_LAT - MIN_LAT) + (random.nextDouble() - 0.5) * 0.00015;
            lon = Math.round(lon * 1e6) / 1e6;
            lat = Math.round(lat * 1e6) / 1e6;
            var grid = world.locate(lon, lat);
            if (grid.isPresent()) {
                return new Arrival(at, r, channel, lon, lat, grid.get());
            }
            p = pick(sample.requests());
        }
        throw new IllegalStateException("the demo district has no unit grids to place cases in");
    }

    // ------------------------------------------------------------------ one case

    private String regularCase(String id, Arrival a) {
        var channel = a.channel();
        boolean supervisor = channel.equals("SUPERVISOR");
        // a public report may repeat an open case nearby: the operator merges it (合并)
        if (!supervisor && random.nextDouble() < 0.04) {
            var parent = parentFor(a.at());
            if (parent != null) {
                return merged(id, a, parent);
            }
        }
        var kind = supervisor && random.nextDouble() < COMPONENT_SHARE ? weighted(COMPONENTS)
                : weighted(BY_LA_TYPE.getOrDefault(a.request().type(), BY_LA_TYPE.get("Other")));
        var d = new Draft(id, channel, kind, a.lon(), a.lat(), a.grid(), a.at(), reporter(channel, a.grid()),
                a.request().q());
        var closedAt = lifecycle(d, null);
        remember(new Parent(id, kind, a.lon(), a.lat(), a.at(), closedAt));
        return line(d);
    }

    private String openCase(String id, String stage) {
        var supervisor = !stage.equals("PENDING_VERIFY") && random.nextDouble() < plan.supervisorShare();
        var channel = supervisor ? "SUPERVISOR" : random.nextBoolean() ? "HOTLINE" : "PORTAL";
        var base = plan.now().minus(Duration.ofMinutes(20 + random.nextInt(600)));
        var a = arrival(base.atZone(zone).toLocalDate(), 24 * 60);
        var kind = supervisor && random.nextDouble() < COMPONENT_SHARE ? weighted(COMPONENTS)
                : weighted(BY_LA_TYPE.getOrDefault(a.request().type(), BY_LA_TYPE.get("Other")));
        var d = new Draft(id, channel, kind, a.lon(), a.lat(), a.grid(), base, reporter(channel, a.grid()),
                a.request().q());
        lifecycle(d, stage);
        // keep the events up to the stage, then move the case back in time so that the last one is before now
        var last = d.events.isEmpty() ? d.reportedAt : d.events.getLast().at();
        var shift = last.isAfter(plan.now()) ? Duration.between(plan.now(), last).plusMinutes(1 + random.nextInt(30))
                : Duration.ZERO;
        var moved = new Draft(id, channel, kind, d.lon, d.lat, d.grid, d.reportedAt.minus(shift), d.reporter, d.q);
        for (var e : d.events) {
            moved.events.add(new Ev(e.at().minus(shift), e.action(), e.actor(), e.fields()));
        }
        return line(moved);
    }

    private String reporter(String channel, GridLocation grid) {
        return switch (channel) {
            case "SUPERVISOR" -> grid.supervisor() != null && SUPERVISORS.contains(grid.supervisor())
                    ? grid.supervisor() : pick(SUPERVISORS);
            case "HOTLINE" -> "来电市民（合成）";
            default -> "网上市民（合成）";
        };
    }

    private String taskedSupervisor(GridLocation grid) {
        return grid.supervisor() != null ? grid.supervisor() : pick(SUPERVISORS);
    }

    /**
     * The case's events from the report on; with {@code stopAt} (an open stage) only those that bring it there.
     * Returns when the case left the open states (null if it did not), before the cut at {@code now}.
     */
    private Instant lifecycle(Draft d, String stopAt) {
        boolean supervisor = d.channel.equals("SUPERVISOR");
        if (stop(stopAt, "REPORTED")) {
            return null;
        }
        if (supervisor) {
            if (stopAt == null && SELF_HANDLEABLE.contains(d.kind.code()) && random.nextDouble() < 0.25) {
                d.selfHandled = true;
                d.step(1, 5, "accept", "operator1");
                return d.step(2, 15, "close", "shiftlead1").at();
            }
            if (stop(stopAt, "PENDING_CLOSE") && SELF_HANDLEABLE.contains(d.kind.code())) {
                d.selfHandled = true;
                d.step(1, 5, "accept", "operator1");
                return null;
            }
            if (stopAt == null && random.nextDouble() < 0.02) {
                return d.step(2, 10, "reject", "shiftlead1").with("reason", "不符合立案条件").at();
            }
            d.step(1, 5, "accept", "operator1");
        } else {
            if (stopAt == null && random.nextDouble() < 0.05) {
                return d.step(2, 10, "reject", "operator1").with("reason", "不属于城市管理事项").at();
            }
            var verifier = taskedSupervisor(d.grid);
            d.step(2, 6, "send-verify", "operator1").with("supervisor", verifier);
            if (stop(stopAt, "PENDING_VERIFY")) {
                return null;
            }
            boolean found = stopAt != null || random.nextDouble() >= 0.10;
            var verify = d.step(10, 50, "verify", verifier).with("passed", found);
            if (!found) {
                return verify.at();
            }
        }
        if (stop(stopAt, "PENDING_FILING")) {
            return null;
        }
        d.step(2, 10, "file", "shiftlead1");
        if (stop(stopAt, "PENDING_DISPATCH")) {
            return null;
        }
        var dept = department(d.kind, d.grid);
        double fate = stopAt == null ? random.nextDouble() : 1;
        if (fate < 0.05) {
            // dispatched to the wrong department, which asks to return it; the dispatcher re-dispatches
            var wrong = otherDepartment(dept);
            d.step(2, 12, "dispatch", "dispatcher1").with("departmentCode", wrong);
            d.step(5, 40, "receive", handler(wrong));
            d.step(10, 60, "request-return", handler(wrong)).with("reason", "非本单位职责，请改派");
            d.step(3, 20, "approve-return", "dispatcher1");
        } else if (fate < 0.06) {
            d.step(2, 12, "dispatch", "dispatcher1").with("departmentCode", dept);
            d.step(5, 40, "receive", handler(dept));
            d.step(10, 60, "request-return", handler(dept)).with("reason", "认为不属于本单位职责");
            d.step(3, 20, "deny-return", "dispatcher1").with("note", "经核实属于本单位职责，请继续处置");
            return handle(d, dept, fate, stopAt, true);
        }
        d.step(2, 12, "dispatch", "dispatcher1").with("departmentCode", dept);
        return handle(d, dept, fate, stopAt, false);
    }

    private Instant handle(Draft d, String dept, double fate, String stopAt, boolean received) {
        var handleStart = d.events.stream().filter(e -> e.action().equals("dispatch")).reduce((x, y) -> y)
                .orElseThrow().at();
        var limit = world.handleLimit(d.kind.kind(), d.kind.code());
        var deadline = world.deadline(handleStart, limit.amount(), limit.unit());
        if (stop(stopAt, "DISPATCHED")) {
            return null;
        }
        if (fate >= 0.06 && fate < 0.075) {
            // voided: the report turns out to be void (e.g. a duplicate filed twice); the shift lead approves
            d.step(30, 120, "request-void", "operator1").with("reason", "重复立案");
            return d.step(5, 30, "approve-void", "shiftlead1").at();
        }
        var handler = handler(dept);
        if (!received) {
            d.step(5, dept.length() == 9 ? 30 : 45, "receive", handler);
        }
        if (stop(stopAt, "IN_PROGRESS")) {
            return null;
        }
        // how long the work takes: a fraction of the HANDLE window, exponential with the department's on-time rate
        double onTime = onTime(dept);
        // P(fraction > 1) = exp(-1 / mean) = 1 - onTime; u is uniform: the LA request's close-time quantile
        // within its type (so slow LA types stay slow here), or for 30 % of cases a fresh draw
        double mean = -1 / Math.log(1 - onTime);
        double u = Math.min(0.999, Math.max(0.001, random.nextDouble() < 0.7 ? d.q : random.nextDouble()));
        double fraction = -mean * Math.log(1 - u);
        boolean stuck = stopAt == null && fate >= 0.075 && fate < 0.09;
        boolean extended = stopAt == null && fate >= 0.09 && fate < 0.16;
        boolean parked = stop(stopAt, "PARKED") || (stopAt == null && fate >= 0.16 && fate < 0.19);
        boolean rework = stopAt == null && fate >= 0.19 && fate < 0.25;
        if (stuck) {
            fraction = 3 + 5 * random.nextDouble();
        }
        if (extended) {
            fraction *= 1.6;
        }
        var window = world.elapsed(handleStart, deadline, limit.unit());
        var finish = world.plusElapsed(handleStart, scaled(window, Math.max(0.02, fraction)), limit.unit());
        if (finish.isBefore(d.t.plusSeconds(600))) {
            finish = d.t.plusSeconds(600 + random.nextInt(3600));
        }
        if (extended) {
            var ask = d.t.plus(scaled(Duration.between(d.t, deadline.isBefore(finish) ? deadline : finish), 0.3));
            if (ask.isAfter(d.t) && ask.isBefore(deadline)) {
                d.at(ask, "request-extension", handler).with("amount", 2).with("unit", "WORK_DAYS")
                        .with("reason", "需协调产权单位及施工");
                if (random.nextDouble() < 0.8) {
                    d.step(5, 60, "approve-extension", "dispatcher1");
                    deadline = world.deadline(deadline, 2, TimeUnit.WORK_DAYS);
                } else {
                    d.step(5, 60, "deny-extension", "dispatcher1").with("note", "时限内可完成，不予延期");
                }
            }
        }
        if (parked) {
            var ask = d.t.plus(scaled(Duration.between(d.t, finish), 0.4)).plusSeconds(60);
            d.at(ask, "request-park", handler).with("reason", "等待产权单位审批");
            var approved = d.step(5, 40, "approve-park", "dispatcher1").at();
            if (stop(stopAt, "PARKED")) {
                return null;
            }
            var resume = approved.plus(Duration.ofHours(24 * (2 + random.nextInt(13)) + random.nextInt(8)));
            var paused = world.elapsed(approved, resume, limit.unit());
            deadline = world.plusElapsed(deadline, paused, limit.unit());
            finish = finish.plus(Duration.between(ask, resume));
            d.at(resume, "resume", "dispatcher1");
        }
        var end = stuck ? plan.now().plus(Duration.ofDays(30)) : finish;
        urges(d, deadline, end);
        if (stuck) {
            return null;
        }
        d.at(finish, "feedback", handler).with("note", "已处置完毕").with("reason", "照片存于原系统（合成演示数据）");
        if (stop(stopAt, "PENDING_CHECK")) {
            if (random.nextBoolean()) {
                d.step(2, 10, "send-check", "operator1").with("supervisor", taskedSupervisor(d.grid));
            }
            return null;
        }
        if (rework) {
            var checker = taskedSupervisor(d.grid);
            d.step(2, 10, "send-check", "operator1").with("supervisor", checker);
            d.step(15, 60, "check", checker).with("passed", false).with("note", "现场未整改到位，返工");
            d.step(60, 600, "feedback", handler).with("note", "已返工处置").with("reason", "照片存于原系统（合成演示数据）");
        }
        var checker = taskedSupervisor(d.grid);
        d.step(2, 10, "send-check", "operator1").with("supervisor", checker);
        d.step(15, 60, "check", checker).with("passed", true);
        if (stop(stopAt, "PENDING_CLOSE")) {
            return null;
        }
        return d.step(3, 20, "close", "shiftlead1").at();
    }

    /** 督办: the dispatcher (sometimes the leader) urges a case that runs over its deadline, once or twice. */
    private void urges(Draft d, Instant deadline, Instant end) {
        var first = deadline.plus(Duration.ofMinutes(60 + random.nextInt(180)));
        if (first.isBefore(end) && first.isAfter(d.t)) {
            d.at(first, "urge", random.nextDouble() < 0.2 ? "leader" : "dispatcher1").with("note", "已超时，请尽快处置");
            var second = first.plus(Duration.ofDays(2));
            if (second.isBefore(end)) {
                d.at(second, "urge", "dispatcher1").with("note", "再次督办");
            }
        }
    }

    private String merged(String id, Arrival a, Parent parent) {
        double lon = Math.round((parent.lon() + (random.nextDouble() - 0.5) * 0.0002) * 1e6) / 1e6;
        double lat = Math.round((parent.lat() + (random.nextDouble() - 0.5) * 0.00015) * 1e6) / 1e6;
        var grid = world.locate(lon, lat).orElse(null);
        if (grid == null) {
            lon = parent.lon();
            lat = parent.lat();
            grid = world.locate(lon, lat).orElseThrow();
        }
        var d = new Draft(id, a.channel(), parent.kind(), lon, lat, grid, a.at(), reporter(a.channel(), grid), 0.5);
        // within 50 minutes of the report: parentFor only offers parents still open an hour after it
        var mergeAt = a.at().plusSeconds(Math.round(60 * (2 + Math.min(48, exponential(8)))));
        d.at(mergeAt, "merge", "operator1").with("parentExternalId", parent.externalId())
                .with("note", "与已有案件重复，合并");
        return line(d);
    }

    /** A recent case still open an hour after {@code at}: the parent of a duplicate report. */
    private Parent parentFor(Instant at) {
        var candidates = recent.stream().filter(p -> p.reportedAt().isBefore(at)
                && Duration.between(p.reportedAt(), at).toHours() < 48
                && (p.closedAt() == null || p.closedAt().isAfter(at.plus(Duration.ofHours(1))))).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private void remember(Parent p) {
        recent.addLast(p);
        if (recent.size() > 300) {
            recent.removeFirst();
        }
    }

    // ------------------------------------------------------------------ departments

    private String department(Kind kind, GridLocation grid) {
        if (!kind.owner().equals(STREET)) {
            return kind.owner();
        }
        return grid.streetCode() != null && world.departmentExists(grid.streetCode()) ? grid.streetCode()
                : ENFORCEMENT;
    }

    private String otherDepartment(String dept) {
        var professional = ON_TIME.keySet().stream().sorted().filter(d -> !d.equals(dept)).toList();
        return pick(professional);
    }

    private double onTime(String dept) {
        var known = ON_TIME.get(dept);
        if (known != null) {
            return known;
        }
        // street offices differ: 72–94 %, fixed per street for a seed
        return streetOnTime.computeIfAbsent(dept, s -> 0.72 + 0.22 * new Random(plan.seed() ^ s.hashCode())
                .nextDouble());
    }

    static String handler(String dept) {
        return "h-" + dept.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ output

    /** The line of a case, its events cut at {@code now}; counts what the kept events contain. */
    private String line(Draft d) {
        var kept = d.events.stream().filter(e -> !e.at().isAfter(plan.now())).toList();
        var out = new StringBuilder(1200);
        out.append("{\"externalId\":\"").append(d.id).append("\",\"channel\":\"").append(d.channel)
                .append("\",\"kind\":\"").append(d.kind.kind()).append("\",\"classCode\":\"").append(d.kind.code())
                .append("\",\"lon\":").append(d.lon).append(",\"lat\":").append(d.lat)
                .append(",\"description\":\"").append(description(d)).append('"');
        if (d.selfHandled) {
            out.append(",\"selfHandled\":true");
        }
        out.append(",\"reportedAt\":\"").append(time(d.reportedAt)).append("\",\"reporter\":\"").append(d.reporter)
                .append("\",\"events\":[");
        for (int i = 0; i < kept.size(); i++) {
            var e = kept.get(i);
            out.append(i == 0 ? "" : ",").append("{\"at\":\"").append(time(e.at())).append("\",\"action\":\"")
                    .append(e.action()).append("\",\"actor\":\"").append(e.actor()).append('"').append(e.fields())
                    .append('}');
        }
        count(d, kept);
        return out.append("]}").toString();
    }

    private void count(Draft d, List<Ev> kept) {
        counts.merge("cases", 1, Integer::sum);
        counts.merge("channel:" + d.channel, 1, Integer::sum);
        if (d.selfHandled) {
            counts.merge("self-handled", 1, Integer::sum);
        }
        kept.stream().map(e -> e.action() + (e.fields().toString().contains("\"passed\":false") ? ":failed" : ""))
                .distinct().forEach(a -> counts.merge(a, 1, Integer::sum));
        var terminal = kept.stream().anyMatch(e -> List.of("close", "approve-void", "reject", "merge")
                .contains(e.action()) || (e.action().equals("verify") && e.fields().toString().contains("false")));
        if (!terminal) {
            counts.merge("open", 1, Integer::sum);
        }
    }

    private String description(Draft d) {
        var source = switch (d.channel) {
            case "SUPERVISOR" -> "监督员巡查发现";
            case "HOTLINE" -> "市民来电反映";
            default -> "市民网上反映";
        };
        return world.className(d.kind.kind(), d.kind.code()) + "，" + source + "（" + SYNTHETIC + "）";
    }

    private String time(Instant at) {
        return ISO.format(at.atZone(zone).toOffsetDateTime());
    }

    // ------------------------------------------------------------------ randomness

    private static boolean stop(String stopAt, String stage) {
        return stage.equals(stopAt);
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static Duration scaled(Duration d, double factor) {
        return Duration.ofSeconds(Math.max(0, Math.round(d.toSeconds() * factor)));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Kind weighted(List<Kind> kinds) {
        double total = kinds.stream().mapToDouble(Kind::weight).sum();
        double r = random.nextDouble() * total;
        for (var k : kinds) {
            r -= k.weight();
            if (r < 0) {
                return k;
            }
        }
        return kinds.getLast();
    }
}
