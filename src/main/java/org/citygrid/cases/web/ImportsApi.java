package org.citygrid.cases.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.citygrid.cases.internal.imports.CaseImport;
import org.citygrid.platform.web.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Imports of historical cases from other systems (ADMIN). See docs/CASES.md, "Importing history". */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "imports", description = "Historical cases replayed through the state machine")
class ImportsApi {

    static final String NDJSON = "application/x-ndjson";

    private final CaseImport imports;
    private final Problems problems;

    ImportsApi(CaseImport imports, Problems problems) {
        this.imports = imports;
        this.problems = problems;
    }

    /** Thrown when the body is larger than {@code citygrid.cases.import.max-size}; nothing is imported. */
    static final class ImportTooLarge extends RuntimeException {
        ImportTooLarge() {
            super("import body too large", null, false, false);
        }
    }

    @PostMapping(path = "/cases", consumes = NDJSON)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import historical cases, one JSON object a line; each line is replayed and stored or refused "
            + "on its own (ADMIN)")
    CaseImport.Result importCases(HttpServletRequest request, InputStream body) throws IOException {
        long max = imports.settings().maxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new ImportTooLarge();
        }
        var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ImportTooLarge();
        }
        return imports.run(bytes, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(ImportTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
        var problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "http-413",
                "cases.import.too-large", imports.settings().maxSize().toMegabytes());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
