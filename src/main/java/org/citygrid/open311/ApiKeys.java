package org.citygrid.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.citygrid.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API keys of Open311 clients. A key is 32 random bytes (base64url, prefixed {@code o311_}) shown once when it is
 * issued; only its SHA-256 is stored: a salt or a slow hash adds nothing for a 256-bit random secret, and a plain
 * digest lets a POST find its key with one indexed lookup.
 */
@Service
class ApiKeys {

    static final String PREFIX = "o311_";

    /** A key as the administrator sees it (never the key itself). */
    record Key(long id, String name, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
        boolean active() {
            return revokedAt == null;
        }
    }

    /** A newly issued key: the only time the secret is shown. */
    record Issued(long id, String name, String apiKey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Issued issue(String name, String by) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new DomainException.Invalid("name", "open311.key.name-invalid");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var holder = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO open311_api_key (name, key_hash, created_at, created_by)"
                        + " VALUES (:name, :hash, :at, :by)")
                .param("name", trimmed).param("hash", hash(key)).param("at", utc(now())).param("by", by)
                .update(holder, "id");
        return new Issued(holder.getKey().longValue(), trimmed, key);
    }

    @Transactional(readOnly = true)
    List<Key> list() {
        return jdbc.sql("SELECT id, name, created_at, created_by, revoked_at, revoked_by FROM open311_api_key"
                        + " ORDER BY revoked_at NULLS FIRST, name, id")
                .query((rs, n) -> new Key(rs.getLong("id"), rs.getString("name"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("created_by"),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getString("revoked_by")))
                .list();
    }

    /** Revokes a key; revoking a revoked key changes nothing. An unknown id is a 404. */
    @Transactional
    Key revoke(long id, String by) {
        jdbc.sql("UPDATE open311_api_key SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("at", utc(now())).param("by", by).param("id", id).update();
        return list().stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> new DomainException.NotFound("open311.key.not-found", id));
    }

    /** The active key with this secret, if any. */
    @Transactional(readOnly = true)
    Optional<Key> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(PREFIX) || apiKey.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, created_at, created_by FROM open311_api_key"
                        + " WHERE key_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash(apiKey))
                .query((rs, n) -> new Key(rs.getLong("id"), rs.getString("name"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("created_by"), null,
                        null))
                .optional();
    }

    static String hash(String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
