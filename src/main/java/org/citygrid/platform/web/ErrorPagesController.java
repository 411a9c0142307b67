package org.citygrid.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where errors end up that no controller handled (unknown paths, filter failures). Browsers get a page that says
 * what happened and where to go next; everybody else gets an RFC 9457 problem. Never a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPagesController implements ErrorController {

    private final Problems problems;

    ErrorPagesController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        var status = status(request);
        response.setStatus(status.value());
        var view = switch (status.value()) {
            case 403, 404, 429 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/4xx" : "error/5xx";
        };
        return new ModelAndView(view, Map.of("status", status.value(),
                "path", String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
                "requestId", String.valueOf(request.getAttribute(RequestLogFilter.MDC_REQUEST_ID))), status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        var status = status(request);
        var type = switch (status.value()) {
            case 404 -> "not-found";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> "http-" + status.value();
        };
        var detailKey = status.value() == 404 ? "problem.detail.no-such-path" : "problem.detail.http-" + status.value();
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var problem = problems.problem(status, type, detailKey, path);
        if (path != null) {
            problem.setInstance(java.net.URI.create(String.valueOf(path)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            var status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
