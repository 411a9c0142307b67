package org.citygrid.open311;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Channel;
import org.citygrid.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a case from a POST and keeps what the POST said beyond the case (e-mail, device and account ids, media URL,
 * address id) with the token that names the request, in the same transaction: a refused report leaves nothing.
 */
@Service
class ServiceRequests {

    /** A POST that passed validation: the case to report and the Open311-only fields. */
    record Post(Cases.NewCase report, String email, String deviceId, String accountId, String mediaUrl,
                String addressId) {
    }

    /** What a POST adds to a case, for GET requests. */
    record Extra(long caseId, String token, String mediaUrl, String addressId) {
    }

    private final Cases cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceRequests(Cases cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The client reports as an intake operator would (the loop's rule for non-supervisor channels); the timeline
     * names the client: {@code open311:<key name>}.
     */
    @Transactional
    Extra create(Post post, ApiKeys.Key key) {
        var name = "open311:" + key.name();
        var actor = new Actor(name.length() > 64 ? name.substring(0, 64) : name, Set.of(Role.OPERATOR), null);
        Case c = cases.report(post.report(), actor);
        var token = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO open311_request (case_id, token, api_key_id, email, device_id, account_id, media_url,
                                                     address_id, created_at)
                        VALUES (:caseId, :token, :key, :email, :device, :account, :media, :addressId, :at)""")
                .param("caseId", c.id().value()).param("token", token).param("key", key.id())
                .param("email", post.email()).param("device", post.deviceId()).param("account", post.accountId())
                .param("media", post.mediaUrl()).param("addressId", post.addressId())
                .param("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .update();
        return new Extra(c.id().value(), token, post.mediaUrl(), post.addressId());
    }

    static Cases.NewCase report(String classCode, double lon, double lat, String address, String description,
                                String reporterName, String phone, String componentId) {
        return new Cases.NewCase(Channel.OPEN311, org.citygrid.catalog.ClassKind.MATTER, classCode, lon, lat, null,
                address, description, false, reporterName, phone, null, componentId);
    }

    @Transactional(readOnly = true)
    Optional<Extra> byToken(String token) {
        return jdbc.sql("SELECT case_id, token, media_url, address_id FROM open311_request WHERE token = :token")
                .param("token", token).query(ServiceRequests::extra).optional();
    }

    @Transactional(readOnly = true)
    Map<Long, Extra> byCases(Collection<Long> caseIds) {
        var map = new HashMap<Long, Extra>();
        if (caseIds.isEmpty()) {
            return map;
        }
        jdbc.sql("SELECT case_id, token, media_url, address_id FROM open311_request WHERE case_id IN (:ids)")
                .param("ids", caseIds).query(ServiceRequests::extra).list()
                .forEach(e -> map.put(e.caseId(), e));
        return map;
    }

    private static Extra extra(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Extra(rs.getLong("case_id"), rs.getString("token"), rs.getString("media_url"),
                rs.getString("address_id"));
    }

}
