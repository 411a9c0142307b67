package org.citygrid.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.citygrid.cases.Attachments;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.citygrid.platform.web.Problems;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Photos of a case over HTTP. The type is read from the bytes (JPEG, PNG, WebP); the declared content type and the
 * file name are ignored. Reading follows the case's visibility (404); uploading needs a part in the case now (403).
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/attachments")
@Tag(name = "cases")
class AttachmentsApi {

    private final Attachments attachments;
    private final AttachmentViews views;
    private final Problems problems;

    AttachmentsApi(Attachments attachments, AttachmentViews views, Problems problems) {
        this.attachments = attachments;
        this.views = views;
        this.problems = problems;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Upload a photo (JPEG/PNG/WebP by content, at most 10 MB; 413 too large, 422 not a photo)")
    ResponseEntity<AttachmentViews.AttachmentView> upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                          @RequestParam(required = false) MultipartFile file) {
        var stored = attachments.upload(id, read(file), CasesApi.actor(user));
        return ResponseEntity.created(URI.create(AttachmentViews.urlOf(stored))).body(views.view(stored));
    }

    /** The multipart file as an upload: 422 without one, 413 above the limit (also when the container let it in). */
    static Attachments.Upload read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new DomainException.Invalid("file", "cases.attachment.missing");
        }
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw new MaxUploadSizeExceededException(Attachments.MAX_BYTES);
        }
        try {
            return new Attachments.Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The photos of a case, oldest first")
    List<AttachmentViews.AttachmentView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return attachments.list(id, CasesApi.actor(user)).stream().map(views::view).toList();
    }

    @GetMapping("/{aid}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The photo's bytes, with its detected content type")
    ResponseEntity<InputStreamResource> photo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                              @PathVariable long aid) {
        return send(attachments.open(id, aid, false, CasesApi.actor(user)), false);
    }

    @GetMapping("/{aid}/thumbnail")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A JPEG thumbnail, at most 320 px on the longest side")
    ResponseEntity<InputStreamResource> thumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                                  @PathVariable long aid) {
        return send(attachments.open(id, aid, true, CasesApi.actor(user)), true);
    }

    /** Shown inline, never sniffed as another type, cached only by the viewer's browser (the bytes never change). */
    private static ResponseEntity<InputStreamResource> send(Attachments.Content content, boolean thumbnail) {
        var a = content.attachment();
        var name = thumbnail ? a.fileName().replaceFirst("\\.[^.]+$", "") + "-thumbnail.jpg" : a.fileName();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .eTag(thumbnail ? a.thumbnailSha256() : a.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.bytes()));
    }

    /**
     * Above the limit: a 413 problem that names the limit. Spring's resolver or {@link #read} raise
     * MaxUploadSizeExceededException; Tomcat's size exception arrives wrapped when a filter or interceptor read a
     * parameter first (matched by cause).
     */
    @ExceptionHandler({MaxUploadSizeExceededException.class, SizeException.class})
    ResponseEntity<ProblemDetail> tooLarge(Exception e) {
        var problem = problems.problem(HttpStatus.CONTENT_TOO_LARGE, "http-413", "cases.attachment.too-large",
                Attachments.MAX_BYTES / 1024 / 1024);
        problem.setProperty("maxBytes", Attachments.MAX_BYTES);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
