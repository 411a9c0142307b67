package org.citygrid.platform.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused without checking the password, because the account or the client failed too often. */
public class LoginThrottledException extends LockedException {

    private final transient Instant until;

    public LoginThrottledException(Instant until) {
        super("too many failed sign-ins; locked until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
