package org.citygrid.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is sane, else a new one), puts it in the log
 * context and the response, and writes one structured line per request: method, path, status, duration, user.
 * Static assets are not logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_REQUEST_ID = "requestId";
    /** Set by the security chain once it knows who is asking (the security context is gone when we log). */
    public static final String USER_ATTRIBUTE = "org.citygrid.user";

    private static final Logger log = LoggerFactory.getLogger("org.citygrid.request");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var id = request.getHeader(HEADER);
        if (id == null || !SANE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        }
        MDC.put(MDC_REQUEST_ID, id);
        request.setAttribute(MDC_REQUEST_ID, id);
        response.setHeader(HEADER, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!isAsset(request.getRequestURI())) {
                var user = request.getAttribute(USER_ATTRIBUTE);
                log.info("request method={} path={} status={} durationMs={} user={}", request.getMethod(),
                        request.getRequestURI(), response.getStatus(), (System.nanoTime() - start) / 1_000_000,
                        user == null ? "-" : user);
            }
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    private static boolean isAsset(String uri) {
        return uri.startsWith("/webjars/") || uri.startsWith("/css/") || uri.startsWith("/js/")
                || uri.startsWith("/img/") || uri.equals("/favicon.ico") || uri.startsWith("/actuator/prometheus");
    }
}
