package org.citygrid.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a multipart request above {@code spring.servlet.multipart.*} with 413 before anything else reads it.
 * Otherwise the first reader of a parameter (the CSRF filter, the language switch) meets Tomcat's size exception
 * outside any handler and the caller gets a 500. The API gets a problem naming the limit; browsers the 4xx page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadLimitFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final ProblemResponses responses;
    private final MultipartProperties multipart;

    UploadLimitFilter(Problems problems, ProblemResponses responses, MultipartProperties multipart) {
        this.problems = problems;
        this.responses = responses;
        this.multipart = multipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request) && tooLarge(request)) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                var problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "http-413",
                        "problem.detail.upload-too-large", multipart.getMaxFileSize().toMegabytes());
                problem.setProperty("maxBytes", multipart.getMaxFileSize().toBytes());
                responses.write(response, problem);
            } else {
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static boolean tooLarge(HttpServletRequest request) throws IOException {
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException | ServletException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SizeException) {
                    return true;
                }
            }
            return false;
        }
    }
}
