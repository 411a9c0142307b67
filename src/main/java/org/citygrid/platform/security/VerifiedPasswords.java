package org.citygrid.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a short time that a password matched a stored hash, so that a client sending HTTP Basic with every
 * request pays for BCrypt (tens of milliseconds of CPU) once per {@code ttl} instead of on every call.
 *
 * <p>An entry is keyed by the stored hash itself and holds an HMAC of the password under a key drawn at random when
 * the node starts (never a reversible or unsalted copy of the password). So: a wrong password gives another HMAC and
 * goes to BCrypt as before; a changed password is stored as a new hash (new salt), which no entry names, on every node
 * at once; a disabled or locked account is refused before any password is compared (the account is read afresh on
 * every request, and {@link ThrottlingAuthenticationProvider} checks the lockout first). Only successes are kept, at
 * most {@code maxEntries}, each until {@code ttl} after its BCrypt check (a hit does not extend it). A {@code ttl}
 * of zero turns the memory off.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(byte[] mac, Instant until) {
    }

    VerifiedPasswords(PasswordEncoder delegate, Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null || ttl.isZero() || maxEntries == 0) {
            return delegate.matches(raw, encoded);
        }
        var mac = mac(raw);
        var now = clock.instant();
        var entry = verified.get(encoded);
        if (entry != null && now.isBefore(entry.until()) && MessageDigest.isEqual(entry.mac(), mac)) {
            return true;
        }
        if (!delegate.matches(raw, encoded)) {
            return false;
        }
        remember(encoded, new Entry(mac, now.plus(ttl)), now);
        return true;
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(raw);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return delegate.upgradeEncoding(encoded);
    }

    /** How many verified passwords are remembered now (expired ones included until they are swept). */
    int size() {
        return verified.size();
    }

    private void remember(String encoded, Entry entry, Instant now) {
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(e -> !now.isBefore(e.until()));
        }
        if (verified.size() < maxEntries || verified.containsKey(encoded)) {
            verified.put(encoded, entry);
        }
    }

    private byte[] mac(CharSequence raw) {
        try {
            var mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
