package org.citygrid.platform.security;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts {@link LoginThrottle} in front of password checking, for form login and HTTP Basic alike: a locked-out
 * username or client address is refused before BCrypt runs, so guessing also costs the server nothing.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    /** A client address may fail this many times more than one username before it is locked out too. */
    static final int CLIENT_FACTOR = 4;

    private final AuthenticationProvider delegate;
    private final LoginThrottle byUser;
    private final LoginThrottle byClient;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle byUser, LoginThrottle byClient) {
        this.delegate = delegate;
        this.byUser = byUser;
        this.byClient = byClient;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var user = "user:" + String.valueOf(authentication.getName()).toLowerCase(Locale.ROOT);
        var client = "client:" + clientAddress();
        byUser.lockedUntil(user).or(() -> byClient.lockedUntil(client)).ifPresent(until -> {
            throw new LoginThrottledException(until);
        });
        try {
            var result = delegate.authenticate(authentication);
            byUser.recordSuccess(user);
            return result;
        } catch (BadCredentialsException e) {
            byUser.recordFailure(user);
            byClient.recordFailure(client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
