package org.citygrid.intake.portal;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citygrid.platform.web.ProblemResponses;
import org.citygrid.platform.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the portal per client address, before anything else reads the request (even before the CSRF check,
 * so a flood of forged POSTs is counted and turned away too): every POST spends a token of the write bucket; tracking
 * look-ups, duplicate checks and the public map spend one of the read bucket. Pages get the 429 page, the API a
 * problem; both with {@code Retry-After}. Reports per contact phone are limited in {@link PublicPortal}.
 *
 * <p>The client address is the connection's ({@code getRemoteAddr()}); behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that it is the citizen's, not the proxy's.
 */
@Component
@Order(PortalThrottle.ORDER)
class PortalThrottle extends OncePerRequestFilter {

    /** After Spring's request context (-105, for the caller's language), before Spring Security (-100). */
    static final int ORDER = -101;

    private final TokenBuckets writes;
    private final TokenBuckets reads;
    private final TokenBuckets phones;
    private final Problems problems;
    private final ProblemResponses responses;

    PortalThrottle(PortalProperties properties, Clock clock, Problems problems, ProblemResponses responses) {
        this.writes = new TokenBuckets(properties.writes(), clock);
        this.reads = new TokenBuckets(properties.reads(), clock);
        this.phones = new TokenBuckets(properties.phones(), clock);
        this.problems = problems;
        this.responses = responses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = path(request);
        return !(path.startsWith("/public/") || path.equals("/public") || path.startsWith("/api/v1/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var buckets = "POST".equalsIgnoreCase(request.getMethod()) ? writes : isRead(path(request)) ? reads : null;
        var wait = buckets == null ? java.util.Optional.<java.time.Duration>empty()
                : buckets.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            refuse(request, response, new Throttled(wait.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Reports per contact phone (digits only, so spacing does not make a new phone). */
    void checkPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return;
        }
        phones.take(phone.replaceAll("\\D", "")).ifPresent(wait -> {
            throw new Throttled(wait);
        });
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Throttled throttled)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        if (path(request).startsWith("/api/")) {
            responses.write(response, problem(throttled));
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    org.springframework.http.ProblemDetail problem(Throttled throttled) {
        var problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "portal.throttled",
                throttled.retryAfterSeconds());
        problem.setProperty("retryAfterSeconds", throttled.retryAfterSeconds());
        return problem;
    }

    private static boolean isRead(String path) {
        return path.startsWith("/public/track") || path.startsWith("/public/nearby")
                || path.startsWith("/api/v1/public/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).toLowerCase(Locale.ROOT);
    }
}
