package org.citygrid.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.citygrid.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final VerifiedPasswords passwords = new VerifiedPasswords(bcrypt, clock, Duration.ofMinutes(5), 100);
    private final String hash = bcrypt.encode("Secret123");

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptOnlyOnce() {
        assertThat(passwords.matches("Secret123", hash)).isTrue();
        assertThat(passwords.matches("Secret123", hash)).isTrue();
        assertThat(passwords.matches("Secret123", hash)).isTrue();

        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordStillFailsWhileTheRightOneIsRemembered() {
        passwords.matches("Secret123", hash);

        assertThat(passwords.matches("Secret124", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void failuresAreNeverRemembered() {
        passwords.matches("wrong", hash);
        passwords.matches("wrong", hash);

        assertThat(bcrypt.checks.get()).isEqualTo(2);
        assertThat(passwords.size()).isZero();
    }

    @Test
    void aChangedPasswordIsANewHashThatTheOldPasswordDoesNotMatch() {
        passwords.matches("Secret123", hash);
        var changed = bcrypt.encode("Newer456x");

        assertThat(passwords.matches("Secret123", changed)).isFalse();
        assertThat(passwords.matches("Newer456x", changed)).isTrue();
    }

    @Test
    void theSamePasswordIsNotTrustedForAnotherHash() {
        var other = bcrypt.encode("Other789y");
        passwords.matches("Secret123", hash);

        assertThat(passwords.matches("Secret123", other)).isFalse();
    }

    @Test
    void aRememberedPasswordIsCheckedAgainAfterTheTtl() {
        passwords.matches("Secret123", hash);
        clock.advance(Duration.ofMinutes(4));
        passwords.matches("Secret123", hash);
        assertThat(bcrypt.checks.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(passwords.matches("Secret123", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void noMoreThanMaxEntriesAreKept() {
        var small = new VerifiedPasswords(bcrypt, clock, Duration.ofMinutes(5), 2);
        for (var p : new String[] {"Pass0001", "Pass0002", "Pass0003"}) {
            small.matches(p, bcrypt.encode(p));
        }
        assertThat(small.size()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        small.matches("Pass0004", bcrypt.encode("Pass0004"));
        assertThat(small.size()).isEqualTo(1);
    }

    @Test
    void aTtlOfZeroChecksEveryTime() {
        var off = new VerifiedPasswords(bcrypt, clock, Duration.ZERO, 100);
        off.matches("Secret123", hash);
        off.matches("Secret123", hash);

        assertThat(bcrypt.checks.get()).isEqualTo(2);
        assertThat(off.size()).isZero();
    }

    /** BCrypt, counting how often it compares a password. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    }
}
