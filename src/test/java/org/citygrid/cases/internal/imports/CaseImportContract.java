package org.citygrid.cases.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseReported;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.Cases;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.Channel;
import org.citygrid.cases.TimelineEntry;
import org.citygrid.cases.internal.CaseRepository;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.support.CaseHistories;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The import of historical cases over HTTP and through the service, with the demo organisation, catalog and map; run
 * on H2 and on PostgreSQL by the two subclasses. Chunks of three lines, so that files cross chunk boundaries.
 */
@SpringBootTest(properties = {"citygrid.cases.import.max-size=64KB", "citygrid.cases.import.max-lines=200",
        "citygrid.cases.import.chunk-size=3"})
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@RecordApplicationEvents
@Import(CaseImportContract.TestTime.class)
abstract class CaseImportContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String PASSWORD = "Demo@2026";
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    @TestConfiguration
    static class TestTime {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW, ZONE);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseImport imports;
    @Autowired
    Cases cases;
    @Autowired
    CaseRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    org.citygrid.geo.Locator locator;
    @Autowired
    ApplicationEvents events;

    /** A prefix that keeps this test's external ids apart from every other test's on the same database. */
    String run;

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
        run = UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    // ------------------------------------------------------------------ building files

    static String at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String event(String local, String action, String actor, String extra) {
        return "{\"at\":\"" + at(local) + "\",\"action\":\"" + action + "\",\"actor\":\"" + actor + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    String line(String id, String channel, String classCode, double lon, double lat, String reportedAt,
                String reporter, String... events) {
        return "{\"externalId\":\"" + run + id + "\",\"channel\":\"" + channel + "\",\"kind\":\"COMPONENT\","
                + "\"classCode\":\"" + classCode + "\",\"lon\":" + lon + ",\"lat\":" + lat
                + ",\"description\":\"井盖破损\",\"reportedAt\":\"" + at(reportedAt) + "\",\"reporter\":\"" + reporter
                + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    String supervisorLine(String id, String reportedAt, String... events) {
        return line(id, "SUPERVISOR", "01001", 116.4039, 39.9151, reportedAt, "supervisor1", events);
    }

    /** A supervisor's report on {@code day} at 09:00 that goes round the whole loop by 11:00. */
    String closedCase(String id, String day) {
        return supervisorLine(id, day + "T09:00",
                event(day + "T09:05", "accept", "operator1", ""),
                event(day + "T09:10", "file", "shiftlead1", ""),
                event(day + "T09:20", "dispatch", "dispatcher1", "\"departmentCode\":\"water\""),
                event(day + "T09:30", "receive", "h-water", ""),
                event(day + "T10:00", "feedback", "h-water", "\"note\":\"已更换\",\"reason\":\"照片另存\""),
                event(day + "T10:10", "send-check", "operator1", "\"supervisor\":\"supervisor2\""),
                event(day + "T10:30", "check", "supervisor2", "\"passed\":true"),
                event(day + "T11:00", "close", "shiftlead1", ""));
    }

    ResultActions post(String user, String body) throws Exception {
        return post(user, body.getBytes(StandardCharsets.UTF_8), ImportsTestSupport.NDJSON);
    }

    ResultActions post(String user, byte[] body, MediaType type) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/imports/cases")
                .contentType(type).content(body).locale(Locale.ENGLISH);
        if (user == null) {
            request.with(httpBasic("nobody", "wrong-password"));
        } else {
            // a signed-in user of that role: on a shared PostgreSQL the admin account may predate the demo password
            request.with(SecurityMockMvcRequestPostProcessors.user(user).roles(switch (user) {
                case "admin" -> "ADMIN";
                case "operator1" -> "OPERATOR";
                default -> "SHIFT_LEAD";
            })).with(SecurityMockMvcRequestPostProcessors.csrf());
        }
        return mvc.perform(request);
    }

    Case stored(String id) {
        return repository.findByExternalId(run + id).orElseThrow();
    }

    boolean isStored(String id) {
        return repository.findByExternalId(run + id).isPresent();
    }

    // ------------------------------------------------------------------ the rules

    @Test
    void aFileWithGoodAndBadLinesImportsTheGoodOnesAndNamesEachBadLineWithItsReason() throws Exception {
        var day = "2024-05-06";
        var file = String.join("\n",
                closedCase("A", day),
                "{\"externalId\": \"broken",
                line("unknown-class", "SUPERVISOR", "99999", 116.4039, 39.9151, day + "T09:01", "supervisor1"),
                line("outside", "SUPERVISOR", "01001", 2.35, 48.85, day + "T09:02", "supervisor1"),
                supervisorLine("illegal", day + "T09:03", event(day + "T09:04", "accept", "operator1", ""),
                        event(day + "T09:05", "close", "shiftlead1", "")),
                supervisorLine("backwards", day + "T09:03", event(day + "T09:04", "accept", "operator1", ""),
                        event(day + "T09:06", "file", "shiftlead1", ""),
                        event(day + "T09:05", "dispatch", "dispatcher1", "\"departmentCode\":\"water\"")),
                "",
                line("B", "HOTLINE", "01001", 116.4040, 39.9152, day + "T09:05", "市民 王先生",
                        event(day + "T09:06", "merge", "operator1", "\"parentExternalId\":\"" + run + "A\"")),
                closedCase("A", day),
                supervisorLine("C", day + "T09:07", event(day + "T09:08", "accept", "operator1", "")),
                supervisorLine("wrong-role", day + "T09:08", event(day + "T09:09", "accept", "operator1", ""),
                        event(day + "T09:10", "file", "h-water", "")));

        var body = post("admin", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.skipped").value(1))
                .andReturn().getResponse().getContentAsString();

        List<Integer> lines = JsonPath.read(body, "$.errors[*].line");
        List<String> messages = JsonPath.read(body, "$.errors[*].message");
        assertThat(lines).containsExactly(2, 3, 4, 5, 6, 11);
        assertThat(messages.get(0)).contains("not valid JSON");
        assertThat(messages.get(1)).contains("99999");
        assertThat(messages.get(2)).contains("outside every unit grid");
        assertThat(messages.get(3)).contains("events[1]").contains("PENDING_FILING");
        assertThat(messages.get(4)).contains("events[2]").contains("backwards");
        assertThat(messages.get(5)).contains("events[1]").contains("role");
        for (var bad : List.of("unknown-class", "outside", "illegal", "backwards", "wrong-role")) {
            assertThat(isStored(bad)).as(bad).isFalse();
        }
        assertThat(stored("A").status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(stored("C").status()).isEqualTo(CaseStatus.PENDING_FILING);
        // numbers of the report day, in file order, with no gap where lines were refused
        assertThat(List.of(stored("A").caseNo(), stored("B").caseNo(), stored("C").caseNo()))
                .containsExactly("2024050600001", "2024050600002", "2024050600003");
        assertThat(jdbc.sql("SELECT last_value FROM case_number_counter WHERE for_date = :d")
                .param("d", java.time.LocalDate.parse(day)).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aMergeNamesItsParentByExternalIdFromTheSameFileOrAnEarlierImport() throws Exception {
        var day = "2024-05-07";
        var merge = "\"parentExternalId\":\"" + run + "P\"";
        var sameFile = String.join("\n",
                supervisorLine("P", day + "T09:00", event(day + "T09:05", "accept", "operator1", "")),
                line("child1", "HOTLINE", "01001", 116.4039, 39.9151, day + "T09:10", "市民",
                        event(day + "T09:11", "merge", "operator1", merge)));
        assertThat(imports.run(sameFile.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH).errors()).isEmpty();
        var later = line("child2", "HOTLINE", "01001", 116.4039, 39.9151, day + "T10:10", "市民",
                event(day + "T10:11", "merge", "shiftlead1", merge));
        assertThat(imports.run(later.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH).errors()).isEmpty();

        var parent = stored("P");
        for (var child : List.of(stored("child1"), stored("child2"))) {
            assertThat(child.status()).isEqualTo(CaseStatus.NOT_FILED);
            assertThat(child.parent()).contains(parent.id());
            assertThat(child.timeline().getLast().reason()).isEqualTo("DUPLICATE");
        }
    }

    @Test
    void aMergeIntoACaseThatWasNotOpenAtThatTimeIsRefused() {
        var day = "2024-05-08";
        var file = String.join("\n", closedCase("done", day),
                line("late", "HOTLINE", "01001", 116.4039, 39.9151, day + "T12:00", "市民",
                        event(day + "T12:01", "merge", "operator1", "\"parentExternalId\":\"" + run + "done\"")),
                line("orphan", "HOTLINE", "01001", 116.4039, 39.9151, day + "T12:00", "市民",
                        event(day + "T12:01", "merge", "operator1", "\"parentExternalId\":\"" + run + "none\"")));
        var result = imports.run(file.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.errors()).extracting(CaseImport.LineError::line).containsExactly(2, 3);
        assertThat(result.errors().get(0).message()).contains("was not open");
        assertThat(result.errors().get(1).message()).contains("has not been imported");
    }

    @Test
    void importingTheSameCasesAgainSkipsThemAndDuplicatesNothing() {
        var day = "2024-05-09";
        var file = (closedCase("once", day) + "\n" + supervisorLine("twice", day + "T09:30",
                event(day + "T09:31", "accept", "operator1", "")) + "\n").getBytes(StandardCharsets.UTF_8);
        var first = imports.run(file, Locale.ENGLISH);
        var second = imports.run(file, Locale.ENGLISH);

        assertThat(first).isEqualTo(new CaseImport.Result(2, 0, List.of()));
        assertThat(second).isEqualTo(new CaseImport.Result(0, 2, List.of()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE external_id LIKE :p").param("p", run + "%")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(stored("once").timeline()).hasSize(9);
    }

    @Test
    void replayedCasesPublishOneImportEventAndNoneOfTheirHistoricalTransitions() {
        var day = "2024-05-10";
        var file = (closedCase("quiet1", day) + "\n" + closedCase("quiet2", day)).getBytes(StandardCharsets.UTF_8);
        imports.run(file, Locale.ENGLISH);
        var ids = List.of(stored("quiet1").id(), stored("quiet2").id());

        assertThat(events.stream(CasesImported.class).flatMap(e -> e.caseIds().stream())).containsAll(ids);
        assertThat(events.stream(CaseReported.class).filter(e -> ids.contains(e.caseId()))).isEmpty();
        assertThat(events.stream(CaseTransitioned.class).filter(e -> ids.contains(e.caseId()))).isEmpty();
    }

    /** The same history lived through {@link Cases} with the clock moved by hand, and imported: same clocks. */
    @Test
    void replayedDeadlinesEqualTheLiveOnesAcrossTheNationalDayHoliday() {
        var steps = List.of(
                new Step("2026-09-30T16:05", CaseAction.ACCEPT, "operator1", ActionInput.NONE, ""),
                new Step("2026-09-30T16:10", CaseAction.FILE, "shiftlead1", ActionInput.NONE, ""),
                new Step("2026-09-30T16:20", CaseAction.DISPATCH, "dispatcher1", ActionInput.NONE.withDepartment("water"),
                        "\"departmentCode\":\"water\""),
                new Step("2026-09-30T17:00", CaseAction.RECEIVE, "h-water", ActionInput.NONE, ""),
                new Step("2026-09-30T17:10", CaseAction.REQUEST_EXTENSION, "h-water",
                        ActionInput.NONE.withAmount(1, TimeUnit.WORK_DAYS).withReason("材料"),
                        "\"amount\":1,\"unit\":\"WORK_DAYS\",\"reason\":\"材料\""),
                new Step("2026-09-30T17:20", CaseAction.APPROVE_EXTENSION, "dispatcher1", ActionInput.NONE, ""),
                new Step("2026-09-30T17:30", CaseAction.REQUEST_PARK, "h-water", ActionInput.NONE.withReason("审批"),
                        "\"reason\":\"审批\""),
                new Step("2026-09-30T17:40", CaseAction.APPROVE_PARK, "dispatcher1", ActionInput.NONE, ""),
                new Step("2026-10-09T09:00", CaseAction.RESUME, "dispatcher1", ActionInput.NONE, ""),
                new Step("2026-10-10T10:00", CaseAction.FEEDBACK, "h-water",
                        ActionInput.note("已修复").withReason("照片另存"), "\"note\":\"已修复\",\"reason\":\"照片另存\""),
                new Step("2026-10-10T10:30", CaseAction.SEND_CHECK, "operator1",
                        ActionInput.NONE.withSupervisor("supervisor2"), "\"supervisor\":\"supervisor2\""),
                new Step("2026-10-10T11:00", CaseAction.CHECK, "supervisor2", ActionInput.NONE.withPassed(false),
                        "\"passed\":false"),
                new Step("2026-10-12T09:00", CaseAction.FEEDBACK, "h-water",
                        ActionInput.note("再修").withReason("照片另存"), "\"note\":\"再修\",\"reason\":\"照片另存\""),
                new Step("2026-10-12T09:10", CaseAction.SEND_CHECK, "operator1",
                        ActionInput.NONE.withSupervisor("supervisor2"), "\"supervisor\":\"supervisor2\""),
                new Step("2026-10-12T09:30", CaseAction.CHECK, "supervisor2", ActionInput.NONE.withPassed(true),
                        "\"passed\":true"),
                new Step("2026-10-12T10:00", CaseAction.CLOSE, "shiftlead1", ActionInput.NONE, ""));

        clock.set(local("2026-09-30T16:00"));
        var live = cases.report(new Cases.NewCase(Channel.SUPERVISOR, ClassKind.COMPONENT, "01001", 116.4039, 39.9151,
                null, null, "井盖破损", false, null, null, null), actor("supervisor1"));
        for (var s : steps) {
            clock.set(local(s.at()));
            live = cases.act(live.id().value(), s.action(), live.version(), s.input(), actor(s.actor()));
        }
        clock.set(NOW);
        var history = supervisorLine("holiday", "2026-09-30T16:00", steps.stream()
                .map(s -> event(s.at(), s.action().wireName(), s.actor(), s.json())).toArray(String[]::new));
        assertThat(imports.run(history.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH).errors()).isEmpty();

        var replayed = stored("holiday");
        assertThat(replayed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(replayed.stages()).isEqualTo(live.stages());
        assertThat(replayed.assignments()).isEqualTo(live.assignments());
        assertThat(replayed.requests()).isEqualTo(live.requests());
        assertThat(replayed.timeline()).extracting(TimelineEntry::occurredAt, TimelineEntry::action,
                        TimelineEntry::actor, TimelineEntry::fromStatus, TimelineEntry::toStatus)
                .isEqualTo(live.timeline().stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.occurredAt(),
                        t.action(), t.actor(), t.fromStatus(), t.toStatus())).toList());
        // the comparison means something: the HANDLE deadline was carried over the holiday and the parked days
        var handle = replayed.stages().stream().filter(c -> c.stage() == org.citygrid.cases.Stage.HANDLE)
                .findFirst().orElseThrow();
        assertThat(handle.deadline()).isAfter(local("2026-10-09T09:00"));
    }

    record Step(String at, CaseAction action, String actor, ActionInput input, String json) {
    }

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(ZONE).toInstant();
    }

    static Actor actor(String username) {
        return switch (username) {
            case "supervisor1", "supervisor2" -> Actor.of(username, null, Role.SUPERVISOR);
            case "operator1" -> Actor.of(username, null, Role.OPERATOR);
            case "shiftlead1" -> Actor.of(username, null, Role.SHIFT_LEAD);
            case "dispatcher1" -> Actor.of(username, null, Role.DISPATCHER);
            case "h-water" -> Actor.of(username, "water", Role.DEPT_HANDLER);
            default -> throw new IllegalArgumentException(username);
        };
    }

    @Test
    void anActorUnknownToTheDirectoryActsInTheRoleTheActionNeeds() {
        var day = "2024-05-13";
        var file = line("retired", "SUPERVISOR", "01001", 116.4039, 39.9151, day + "T09:00", "old-supervisor",
                event(day + "T09:05", "accept", "old-operator", ""),
                event(day + "T09:10", "file", "old-lead", ""),
                event(day + "T09:20", "dispatch", "old-dispatcher", "\"departmentCode\":\"water\""),
                event(day + "T09:30", "receive", "old-handler", ""));
        assertThat(imports.run(file.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH).errors()).isEmpty();
        var c = stored("retired");
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.reportedBy()).isEqualTo("old-supervisor");
        assertThat(c.timeline()).extracting(TimelineEntry::actor)
                .containsExactly("old-supervisor", "old-operator", "old-lead", "old-dispatcher", "old-handler");
    }

    @Test
    void eventsInTheFutureAndUnknownActionsAreRefusedWithTheirIndex() {
        var file = String.join("\n",
                supervisorLine("future", "2026-11-27T09:00", event("2026-11-27T11:00", "accept", "operator1", "")),
                supervisorLine("unknown", "2024-05-14T09:00", event("2024-05-14T09:01", "teleport", "operator1", "")));
        var result = imports.run(file.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(result.imported()).isZero();
        assertThat(result.errors().get(0).message()).contains("events[0]").contains("future");
        assertThat(result.errors().get(1).message()).contains("events[0]").contains("teleport");
    }

    @Test
    void errorsAreWrittenInTheCallersLanguage() {
        var file = line("zh", "SUPERVISOR", "99999", 116.4039, 39.9151, "2024-05-15T09:00", "supervisor1");
        var result = imports.run(file.getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
        assertThat(result.errors()).singleElement().extracting(CaseImport.LineError::message)
                .asString().contains("未知的案件类别");
    }

    @Test
    void generatedHistoriesOfEveryPathReplayWithoutAnError() {
        var points = new java.util.ArrayList<double[]>();
        var random = new java.util.Random(3);
        while (points.size() < 20) {
            double lon = 116.39 + random.nextDouble() * 0.03;
            double lat = 39.90 + random.nextDouble() * 0.03;
            if (locator.locate(lon, lat).isPresent()) {
                points.add(new double[] {lon, lat});
            }
        }
        var histories = new CaseHistories(new CaseHistories.Places(points, List.of("01001"),
                List.of("water", "gas", "power"), List.of("supervisor1", "supervisor2")), 11,
                Instant.parse("2025-03-03T00:00:00Z"), run);
        var result = imports.run(histories.file(180), Locale.ENGLISH);

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(180);
        assertThat(histories.counts().keySet()).containsExactlyInAnyOrder(CaseHistories.Path.values());
        var byStatus = jdbc.sql("SELECT status, COUNT(*) FROM case_file WHERE external_id LIKE :p GROUP BY status")
                .param("p", run + "%").query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list();
        var counts = histories.counts();
        assertThat(byStatus).contains(
                java.util.Map.entry("VOIDED", counts.get(CaseHistories.Path.VOIDED)),
                java.util.Map.entry("NOT_FILED", counts.get(CaseHistories.Path.REJECTED)),
                java.util.Map.entry("IN_PROGRESS", counts.get(CaseHistories.Path.STILL_OPEN)));
    }

    // ------------------------------------------------------------------ the endpoint

    @Test
    void onlyAnAdministratorMayImport() throws Exception {
        var file = supervisorLine("roles", "2024-05-16T09:00");
        post(null, file).andExpect(status().isUnauthorized());
        post("operator1", file).andExpect(status().isForbidden());
        post("shiftlead1", file).andExpect(status().isForbidden());
        assertThat(isStored("roles")).isFalse();
    }

    @Test
    void aBodyThatIsNotNdjsonIsA4xxProblemAndImportsNothing() throws Exception {
        var good = supervisorLine("wrong-type", "2024-05-16T09:00");
        post("admin", good.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)
                .andExpect(status().isUnsupportedMediaType());
        post("admin", "garbage\n<xml/>\n").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("not NDJSON")));
        post("admin", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n'}, ImportsTestSupport.NDJSON)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("UTF-8")));
        post("admin", "\n \n").andExpect(status().isUnprocessableContent());
        assertThat(isStored("wrong-type")).isFalse();
    }

    @Test
    void anOversizedFileIs413AndOneWithTooManyLinesIs422() throws Exception {
        var big = new byte[65 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        post("admin", big, ImportsTestSupport.NDJSON).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail", containsString("too large")));

        var many = String.join("\n", java.util.Collections.nCopies(201, "{}"));
        post("admin", many).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("201 lines")));
        assertThatThrownBy(() -> imports.run(many.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH))
                .isInstanceOf(DomainException.Invalid.class);
    }
}
