package org.citygrid.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic case histories as NDJSON lines of the import format (docs/CASES.md, "Importing history"), for tests and
 * the import benchmark. Seeded: the same seed gives the same file. Each case follows one {@link Path} through the
 * loop; reports arrive every 1–8 minutes from {@code start}, steps follow 2–90 minutes apart, a parked case waits
 * 1–3 days. The people are the demo organisation's (operator1, shiftlead1, dispatcher1, supervisorN, h-department).
 */
public final class CaseHistories {

    /** The fates a case may have, with their share of a generated file in percent. */
    public enum Path {
        CLOSED(35), VERIFIED_HOTLINE(10), RETURNED_AND_REDISPATCHED(8), EXTENDED(8), PARKED(6), REWORK(8),
        VOIDED(5), REJECTED(5), STILL_OPEN(15);

        final int share;

        Path(int share) {
            this.share = share;
        }
    }

    /** Where cases may happen: points inside unit grids, component class codes, departments, supervisors. */
    public record Places(List<double[]> points, List<String> classCodes, List<String> departments,
                         List<String> supervisors) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Places places;
    private final Random random;
    private final String idPrefix;
    private final Map<Path, Integer> counts = new EnumMap<>(Path.class);
    private final int maxGapSeconds;
    private Instant reportAt;
    private Instant t;
    private int n;
    private StringBuilder events;

    public CaseHistories(Places places, long seed, Instant start, String idPrefix) {
        this(places, seed, start, idPrefix, 0);
    }

    /**
     * Reports arrive every 1–{@code maxGapSeconds} seconds instead of every 1–8 minutes (0: the 1–8 minutes), e.g. 62
     * for about 1,000,000 reports a year.
     */
    public CaseHistories(Places places, long seed, Instant start, String idPrefix, int maxGapSeconds) {
        this.maxGapSeconds = maxGapSeconds;
        this.places = places;
        this.random = new Random(seed);
        this.reportAt = start;
        this.idPrefix = idPrefix;
    }

    /** {@code count} lines, newline-terminated, as UTF-8. */
    public byte[] file(int count) {
        var out = new StringBuilder(count * 900);
        for (int i = 0; i < count; i++) {
            out.append(next()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public Map<Path, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The next case, one line of JSON. */
    public String next() {
        var path = pickPath();
        counts.merge(path, 1, Integer::sum);
        reportAt = reportAt.plus(maxGapSeconds == 0 ? Duration.ofMinutes(1 + random.nextInt(8))
                : Duration.ofSeconds(1 + random.nextInt(maxGapSeconds)));
        t = reportAt;
        events = new StringBuilder();
        var point = pick(places.points());
        var hotline = path == Path.VERIFIED_HOTLINE || path == Path.REJECTED;
        var supervisor = pick(places.supervisors());
        var head = new StringBuilder().append("{\"externalId\":\"").append(idPrefix).append(++n)
                .append("\",\"channel\":\"").append(hotline ? "HOTLINE" : "SUPERVISOR")
                .append("\",\"kind\":\"COMPONENT\",\"classCode\":\"").append(pick(places.classCodes()))
                .append("\",\"lon\":").append(point[0]).append(",\"lat\":").append(point[1])
                .append(",\"description\":\"").append(hotline ? "市民来电：路灯不亮" : "井盖破损")
                .append("\",\"reportedAt\":\"").append(time(reportAt)).append("\",\"reporter\":\"")
                .append(hotline ? "市民 " + (1000 + random.nextInt(9000)) : supervisor).append("\",\"events\":[");
        history(path, supervisor);
        return head.append(events).append("]}").toString();
    }

    private void history(Path path, String supervisor) {
        var dept = pick(places.departments());
        switch (path) {
            case REJECTED -> step("reject", "operator1", "\"reason\":\"不属于城管事项\"");
            case VERIFIED_HOTLINE -> {
                step("send-verify", "operator1", "\"supervisor\":\"" + supervisor + "\"");
                step("verify", supervisor, "\"passed\":true");
                fileAndDispatch(dept);
                receive(dept);
                finish(dept);
            }
            case CLOSED -> {
                accept();
                fileAndDispatch(dept);
                receive(dept);
                if (random.nextInt(4) == 0) {
                    step("urge", "dispatcher1", "\"note\":\"请尽快处置\"");
                }
                finish(dept);
            }
            case RETURNED_AND_REDISPATCHED -> {
                accept();
                fileAndDispatch(dept);
                receive(dept);
                step("request-return", handler(dept), "\"reason\":\"不属于本单位职责\"");
                step("approve-return", "dispatcher1", "");
                var other = otherThan(dept);
                step("dispatch", "dispatcher1", "\"departmentCode\":\"" + other + "\"");
                receive(other);
                finish(other);
            }
            case EXTENDED -> {
                accept();
                fileAndDispatch(dept);
                t = t.plus(Duration.ofMinutes(1));
                step("request-extension", handler(dept), "\"amount\":2,\"unit\":\"WORK_DAYS\",\"reason\":\"需协调施工\"",
                        false);
                step("approve-extension", "dispatcher1", "");
                receive(dept);
                finish(dept);
            }
            case PARKED -> {
                accept();
                fileAndDispatch(dept);
                receive(dept);
                step("request-park", handler(dept), "\"reason\":\"等待产权单位审批\"");
                step("approve-park", "dispatcher1", "");
                t = t.plus(Duration.ofDays(1 + random.nextInt(3)));
                step("resume", "dispatcher1", "");
                finish(dept);
            }
            case REWORK -> {
                accept();
                fileAndDispatch(dept);
                receive(dept);
                feedbackAndCheck(dept, false);
                finish(dept);
            }
            case VOIDED -> {
                accept();
                fileAndDispatch(dept);
                step("request-void", "operator1", "\"reason\":\"重复上报\"");
                step("approve-void", "shiftlead1", "");
            }
            case STILL_OPEN -> {
                accept();
                fileAndDispatch(dept);
                receive(dept);
            }
        }
    }

    private void accept() {
        step("accept", "operator1", "");
    }

    private void fileAndDispatch(String dept) {
        step("file", "shiftlead1", "");
        step("dispatch", "dispatcher1", "\"departmentCode\":\"" + dept + "\"");
    }

    private void receive(String dept) {
        step("receive", handler(dept), "");
    }

    private void finish(String dept) {
        feedbackAndCheck(dept, true);
        step("close", "shiftlead1", "");
    }

    private void feedbackAndCheck(String dept, boolean passed) {
        var checker = pick(places.supervisors());
        step("feedback", handler(dept), "\"note\":\"已处置完毕\",\"reason\":\"照片在原系统中\"");
        step("send-check", "operator1", "\"supervisor\":\"" + checker + "\"");
        step("check", checker, "\"passed\":" + passed);
    }

    private void step(String action, String actor, String fields) {
        step(action, actor, fields, true);
    }

    private void step(String action, String actor, String fields, boolean wait) {
        if (wait) {
            t = t.plus(Duration.ofMinutes(2 + random.nextInt(89)));
        }
        if (!events.isEmpty()) {
            events.append(',');
        }
        events.append("{\"at\":\"").append(time(t)).append("\",\"action\":\"").append(action)
                .append("\",\"actor\":\"").append(actor).append('"');
        if (!fields.isEmpty()) {
            events.append(',').append(fields);
        }
        events.append('}');
    }

    private static String handler(String dept) {
        return "h-" + dept.toLowerCase(java.util.Locale.ROOT);
    }

    private String otherThan(String dept) {
        var other = pick(places.departments());
        return other.equals(dept) && places.departments().size() > 1 ? otherThan(dept) : other;
    }

    private Path pickPath() {
        int roll = random.nextInt(100);
        for (var p : Path.values()) {
            roll -= p.share;
            if (roll < 0) {
                return p;
            }
        }
        return Path.CLOSED;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String time(Instant at) {
        return ISO.format(at.atOffset(ZoneOffset.ofHours(8)));
    }
}
