package org.citygrid.cases.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Attachments;
import org.citygrid.cases.Case;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The photos on the case page: the gallery, the photos at their timeline entries, the upload form (a plain multipart
 * form, no script needed) and the photos a feedback may name.
 */
@Controller
class CasePhotos {

    private final Attachments attachments;
    private final AttachmentViews views;
    private final MessageSource messages;

    CasePhotos(Attachments attachments, AttachmentViews views, MessageSource messages) {
        this.attachments = attachments;
        this.views = views;
        this.messages = messages;
    }

    /** Model for the case page: {@code photos}, {@code photoById}, {@code mayUpload}, {@code feedbackPhotoIds}. */
    void addTo(Model model, Case c, Actor viewer) {
        var stored = attachments.list(c.id().value(), viewer);
        var list = stored.stream().map(views::view).toList();
        Map<Long, AttachmentViews.AttachmentView> byId = list.stream()
                .collect(Collectors.toMap(AttachmentViews.AttachmentView::id, Function.identity()));
        model.addAttribute("photos", list);
        model.addAttribute("photoById", byId);
        model.addAttribute("mayUpload", Attachments.mayUpload(c, viewer));
        model.addAttribute("feedbackPhotoIds", stored.stream().filter(a -> Attachments.countsForFeedback(c, a))
                .map(a -> a.id()).toList());
    }

    /** Uploads a photo from the page; a refusal comes back as the page's message, like a refused action. */
    @PostMapping("/cases/{id}/photos")
    @PreAuthorize("isAuthenticated()")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        var actor = CasesApi.actor(user);
        var locale = LocaleContextHolder.getLocale();
        try {
            attachments.upload(id, AttachmentsApi.read(file), actor);
            redirect.addFlashAttribute("photoDone", messages.getMessage("cases.page.photo-uploaded", null, locale));
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/cases/" + id + "#case-photos";
    }

    /** Too large: the page says so (Tomcat's size exception arrives wrapped when the locale interceptor read first). */
    @ExceptionHandler({MaxUploadSizeExceededException.class, SizeException.class})
    String tooLarge(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", messages.getMessage("cases.attachment.too-large",
                new Object[] {Attachments.MAX_BYTES / 1024 / 1024}, LocaleContextHolder.getLocale()));
        return "redirect:/cases/" + id + "#case-photos";
    }
}
