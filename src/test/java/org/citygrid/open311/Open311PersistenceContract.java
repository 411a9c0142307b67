package org.citygrid.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.citygrid.CityGridApplication;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseFeed;
import org.citygrid.cases.Cases;
import org.citygrid.cases.FeedQuery;
import org.citygrid.cases.internal.sla.SlaTestSupport;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What Open311 stores: API keys (only their digest), the request extras with their token, and the case feed's
 * selection that GET requests reads; on H2 and on PostgreSQL.
 */
@SpringBootTest(classes = {CityGridApplication.class, SlaTestSupport.class})
@ActiveProfiles("demo")
abstract class Open311PersistenceContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final double LON = 116.4039;
    static final double LAT = 39.9151;

    @Autowired
    ApiKeys keys;
    @Autowired
    ServiceRequests requests;
    @Autowired
    CaseFeed feed;
    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    /** An hour of a day no other test reports on (the PostgreSQL database is shared by every test class). */
    static Instant feedDay(int hour) {
        return LocalDateTime.of(2037, 8, 1, hour, 0).atZone(ZONE).toInstant();
    }

    static Instant local(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(ZONE).toInstant();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void anIssuedKeyAuthenticatesAndOnlyItsDigestIsStored() {
        var issued = keys.issue("  district app  ", "admin");

        assertThat(issued.name()).isEqualTo("district app");
        assertThat(issued.apiKey()).startsWith("o311_").hasSizeGreaterThan(40);
        assertThat(keys.authenticate(issued.apiKey())).map(ApiKeys.Key::id).contains(issued.id());
        var stored = jdbc.sql("SELECT key_hash FROM open311_api_key WHERE id = :id").param("id", issued.id())
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeys.hash(issued.apiKey())).hasSize(64).doesNotContain(issued.apiKey());
        assertThat(keys.list()).anySatisfy(k -> {
            assertThat(k.id()).isEqualTo(issued.id());
            assertThat(k.active()).isTrue();
            assertThat(k.createdBy()).isEqualTo("admin");
        });
    }

    @Test
    void twoKeysForTheSameNameAreDifferent() {
        var a = keys.issue("twice", "admin");
        var b = keys.issue("twice", "admin");
        assertThat(a.apiKey()).isNotEqualTo(b.apiKey());
        assertThat(keys.authenticate(b.apiKey())).map(ApiKeys.Key::id).contains(b.id());
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesAndRevokingAgainChangesNothing() {
        var issued = keys.issue("revoked client", "admin");
        clock.set(local(11, 21, 10));
        var revoked = keys.revoke(issued.id(), "admin");
        clock.set(local(11, 22, 10));
        var again = keys.revoke(issued.id(), "other");

        assertThat(revoked.active()).isFalse();
        assertThat(again.revokedAt()).isEqualTo(revoked.revokedAt()).isEqualTo(local(11, 21, 10));
        assertThat(again.revokedBy()).isEqualTo("admin");
        assertThat(keys.authenticate(issued.apiKey())).isEmpty();
    }

    @Test
    void unknownAndMalformedKeysDoNotAuthenticate() {
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("o311_unknown")).isEmpty();
        assertThat(keys.authenticate("' OR 1=1 --")).isEmpty();
        assertThatThrownBy(() -> keys.revoke(987654321L, "admin")).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void aKeyNeedsAName() {
        assertThatThrownBy(() -> keys.issue("  ", "admin")).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> keys.issue("x".repeat(101), "admin")).isInstanceOf(DomainException.Invalid.class);
    }

    private ServiceRequests.Post post(double lon, double lat, String description) {
        return new ServiceRequests.Post(ServiceRequests.report("01001", lon, lat, "东长安街", description, "Li Lei",
                "13800000000", null), "li@example.org", "device-1", "account-1", "https://example.org/a.jpg", null);
    }

    @Test
    void aPostIsACaseOfChannelOpen311WithItsExtrasAndToken() {
        clock.set(local(11, 23, 9));
        var key = keys.authenticate(keys.issue("poster", "admin").apiKey()).orElseThrow();
        var created = requests.create(post(LON, LAT, "井盖破损"), key);

        var c = feed.byId(created.caseId()).orElseThrow();
        assertThat(c.channel()).isEqualTo(org.citygrid.cases.Channel.OPEN311);
        assertThat(c.kind()).isEqualTo(ClassKind.MATTER);
        assertThat(c.reportedBy()).isEqualTo("open311:poster");
        assertThat(c.reporterName()).isEqualTo("Li Lei");
        assertThat(requests.byToken(created.token())).map(ServiceRequests.Extra::caseId).contains(created.caseId());
        assertThat(requests.byCases(List.of(created.caseId())).get(created.caseId()).mediaUrl())
                .isEqualTo("https://example.org/a.jpg");
    }

    @Test
    void aRefusedPostLeavesNeitherCaseNorExtras() {
        var key = keys.authenticate(keys.issue("refused", "admin").apiKey()).orElseThrow();
        long cases = count("case_file");
        long extras = count("open311_request");

        assertThatThrownBy(() -> requests.create(post(0.5, 0.5, "outside"), key))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(count("case_file")).isEqualTo(cases);
        assertThat(count("open311_request")).isEqualTo(extras);
    }

    private long reportAt(Instant t, String classCode) {
        clock.set(t);
        return cases.report(new Cases.NewCase(org.citygrid.cases.Channel.HOTLINE, ClassKind.MATTER, classCode, LON,
                LAT, null, null, "feed " + t, false, null, null, null),
                new Actor("operator1", Set.of(Role.OPERATOR), null)).id().value();
    }

    @Test
    void theFeedSelectsByIdsClassesWindowAndOpenNewestFirst() {
        long early = reportAt(feedDay(9), "01001");
        long later = reportAt(feedDay(10), "01002");
        long other = reportAt(feedDay(11), "01001");
        clock.set(feedDay(12));
        var c = feed.byId(other).orElseThrow();
        cases.act(other, CaseAction.REJECT, c.version(), ActionInput.NONE.withReason("OUT_OF_AREA"),
                new Actor("operator1", Set.of(Role.OPERATOR), null));
        var from = feedDay(8);
        var to = feedDay(12);

        assertThat(ids(new FeedQuery(List.of(later, early), List.of(new FeedQuery.ClassRef(ClassKind.MATTER, "99999")),
                null, null, false, 0, 10))).as("ids override").containsExactly(later, early);
        assertThat(ids(new FeedQuery(List.of(), List.of(), from, to, null, 0, 10))).containsExactly(other, later, early);
        assertThat(ids(new FeedQuery(List.of(), List.of(new FeedQuery.ClassRef(ClassKind.MATTER, "01001")), from, to,
                null, 0, 10))).containsExactly(other, early);
        assertThat(ids(new FeedQuery(List.of(), List.of(), from, to, true, 0, 10))).containsExactly(later, early);
        assertThat(ids(new FeedQuery(List.of(), List.of(), from, to, false, 0, 10))).containsExactly(other);
        assertThat(ids(new FeedQuery(List.of(), List.of(), from, feedDay(9), null, 0, 10))).containsExactly(early);
        assertThat(ids(new FeedQuery(List.of(), List.of(), from, to, null, 1, 1))).containsExactly(later);
        assertThat(ids(new FeedQuery(List.of(), List.of(), from.minus(Duration.ofDays(5)), from, null, 0, 10)))
                .isEmpty();
    }

    private List<Long> ids(FeedQuery q) {
        return feed.find(q).stream().map(c -> c.id().value()).toList();
    }
}
