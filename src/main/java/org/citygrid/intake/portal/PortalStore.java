package org.citygrid.intake.portal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's own tables (V80): tracking codes and ratings. */
@Repository
class PortalStore {

    /** A tracking code: the case it follows, and whether the citizen joined an existing report. */
    record Tracking(String code, long caseId, boolean joined, Instant createdAt) {
    }

    /** 满意度 — what a citizen thought of how their problem was handled. */
    enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    record Rating(String code, long caseId, Satisfaction rating, String comment, Instant ratedAt) {
    }

    private final JdbcClient jdbc;

    PortalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Tracking t) {
        jdbc.sql("INSERT INTO portal_tracking (code, case_id, joined, created_at) VALUES (:code, :case, :joined, :at)")
                .param("code", t.code()).param("case", t.caseId()).param("joined", t.joined())
                .param("at", utc(t.createdAt())).update();
    }

    Optional<Tracking> tracking(String code) {
        return jdbc.sql("SELECT code, case_id, joined, created_at FROM portal_tracking WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new Tracking(rs.getString("code"), rs.getLong("case_id"), rs.getBoolean("joined"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM portal_tracking WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    /** Saves the rating unless the code already has one; whether it was saved. */
    boolean rateOnce(Rating r) {
        return jdbc.sql("""
                        INSERT INTO portal_rating (code, case_id, rating, comment, rated_at)
                        SELECT :code, :case, :rating, :comment, :at
                        WHERE NOT EXISTS (SELECT 1 FROM portal_rating WHERE code = :code)""")
                .param("code", r.code()).param("case", r.caseId()).param("rating", r.rating().name())
                .param("comment", r.comment()).param("at", utc(r.ratedAt())).update() == 1;
    }

    Optional<Rating> rating(String code) {
        return jdbc.sql("SELECT code, case_id, rating, comment, rated_at FROM portal_rating WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new Rating(rs.getString("code"), rs.getLong("case_id"),
                        Satisfaction.valueOf(rs.getString("rating")), rs.getString("comment"),
                        rs.getObject("rated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
