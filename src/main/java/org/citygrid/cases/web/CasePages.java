package org.citygrid.cases.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.citygrid.calendar.Calendars;
import org.citygrid.calendar.TimeUnit;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Attachments;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.CaseStatus;
import org.citygrid.cases.Cases;
import org.citygrid.cases.Routing;
import org.citygrid.catalog.Catalog;
import org.citygrid.org.DepartmentKind;
import org.citygrid.org.OrgDirectory;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page of the web UI: what the API's case view shows, for people. A case the viewer may not see is the
 * same 404 page as one that does not exist.
 */
@Controller
class CasePages {

    /**
     * The actions the page's form can take: every action on an existing case. The form carries note, reason,
     * department, supervisor, urgent, passed, amount and unit, the parent of a merge and the photos; the domain says
     * which of them an action needs.
     */
    static final Set<CaseAction> ON_PAGE = EnumSet.complementOf(EnumSet.of(CaseAction.REPORT));
    /** Actions whose outcome is the {@code passed} choice: the page offers a button for each outcome. */
    static final Set<CaseAction> WITH_OUTCOME = EnumSet.of(CaseAction.VERIFY, CaseAction.CHECK);
    static final int MAX_NOTE = 4000;

    private final Cases cases;
    private final Calendars calendars;
    private final Catalog catalog;
    private final MessageSource messages;

    private final OrgDirectory org;
    private final Routing routing;
    private final CasePhotos photos;
    private final DeadlineExplainer explainer;
    private final String tileUrl;
    private final String tileAttribution;
    private final Attachments attachments;
    private final TransactionTemplate transactions;

    CasePages(Cases cases, Calendars calendars, Catalog catalog, MessageSource messages, OrgDirectory org,
              Routing routing, CasePhotos photos, DeadlineExplainer explainer,
              @Value("${citygrid.map.tile-url:}") String tileUrl,
              @Value("${citygrid.map.tile-attribution:}") String tileAttribution, Attachments attachments,
              TransactionTemplate transactions) {
        this.attachments = attachments;
        this.transactions = transactions;
        this.explainer = explainer;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
        this.org = org;
        this.routing = routing;
        this.photos = photos;
        this.cases = cases;
        this.calendars = calendars;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        var actor = CasesApi.actor(user);
        var c = find(id, actor);
        var view = new CaseViews.Renderer(cases.now(), calendars.zone(), cases.clocks().calculator(), messages,
                LocaleContextHolder.getLocale(), actor, explainer).view(c, List.of());
        model.addAttribute("c", view);
        // the map: the case, its unit grid and the open cases of its street near it (case-map.js)
        model.addAttribute("openStatuses", CaseStatus.open());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        var onPage = view.allowedActions().stream().filter(CasePages::onPage).toList();
        model.addAttribute("onPage", onPage);
        model.addAttribute("withOutcome", WITH_OUTCOME.stream().map(CaseAction::wireName).toList());
        if (onPage.contains(CaseAction.DISPATCH.wireName())) {
            model.addAttribute("departments", org.departments().stream()
                    .filter(d -> d.kind() != DepartmentKind.BUREAU_UNIT).toList());
            // the dispatch form preselects the suggested department; choosing another is the override
            model.addAttribute("suggestion", routing.suggest(c, LocaleContextHolder.getLocale()));
        }
        if (onPage.contains(CaseAction.SEND_VERIFY.wireName()) || onPage.contains(CaseAction.SEND_CHECK.wireName())) {
            model.addAttribute("supervisors", org.peopleWithRole(Role.SUPERVISOR));
        }
        if (onPage.contains(CaseAction.MERGE.wireName())) {
            model.addAttribute("mergeCandidates", cases.duplicateCandidates(c));
        }
        if (onPage.contains(CaseAction.REQUEST_EXTENSION.wireName())
                || onPage.contains(CaseAction.APPROVE_EXTENSION.wireName())) {
            model.addAttribute("units", TimeUnit.values());
        }
        photos.addTo(model, c, actor);
        model.addAttribute("className", catalog.find(c.kind(), c.classCode()).map(cls -> cls.name()).orElse(""));
        return "cases/case";
    }

    /** What the page's form sends with an action; blank fields count as absent. */
    record ActionForm(int version, String note, String reason, String departmentCode, String supervisor,
                      Boolean passed, Boolean urgent, Integer amount, TimeUnit unit, Long parentId,
                      String parentCaseNo, List<Long> attachmentIds) {

        ActionInput input(String note) {
            return new ActionInput(note, blankToNull(departmentCode), blankToNull(supervisor), amount, unit,
                    blankToNull(reason), parentId, passed, urgent, attachmentIds);
        }

        /** The merge parent: the picked candidate, or else the case number typed in (one the viewer may see). */
        ActionInput input(String note, Cases cases, org.citygrid.cases.Actor viewer) {
            var in = input(note);
            var typed = blankToNull(parentCaseNo);
            if (parentId != null || typed == null) {
                return in;
            }
            var parent = cases.findByCaseNo(typed, viewer)
                    .orElseThrow(() -> new DomainException.Invalid("parentId", "cases.page.merge-unknown", typed));
            return in.withParent(parent.id().value());
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Takes an action from the page's form; refusals (missing field, wrong state, stale version) come back as a message. */
    @PostMapping("/cases/{id}/actions/{action}")
    @PreAuthorize("isAuthenticated()")
    String act(@PathVariable long id, @PathVariable String action, ActionForm form,
               @RequestParam(name = "photos", required = false) List<MultipartFile> files,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        var actor = CasesApi.actor(user);
        var what = CaseAction.fromWireName(action).filter(ON_PAGE::contains)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var note = form.note();
        var version = form.version();
        find(id, actor);
        var text = note == null || note.isBlank() ? null : note.strip();
        var locale = LocaleContextHolder.getLocale();
        try {
            if (text != null && text.length() > MAX_NOTE) {
                throw new DomainException.Invalid("note", "cases.page.note-too-long", MAX_NOTE);
            }
            if (form.reason() != null && form.reason().length() > MAX_NOTE) {
                throw new DomainException.Invalid("reason", "cases.page.note-too-long", MAX_NOTE);
            }
            var chosen = chosen(files);
            var input = form.input(text, cases, actor);
            if (chosen.isEmpty()) {
                cases.act(id, what, version, input, actor);
            } else {
                withPhotos(id, what, version, input, chosen, actor);
            }
            redirect.addFlashAttribute("done", messages.getMessage(what.messageKey(), null, locale));
        } catch (PhotoRefused e) {
            redirect.addFlashAttribute("refused", messages.getMessage("cases.page.photo-refused",
                    new Object[] {e.fileName, messages.getMessage(e.refusal.messageKey(), e.refusal.arguments(), locale)},
                    locale));
        } catch (DomainException e) {
            redirect.addFlashAttribute("refused", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("refused", messages.getMessage("cases.page.changed", null, locale));
        }
        return stillVisible(id, actor) ? "redirect:/cases/" + id : "redirect:/";
    }

    /** The files the form sent; an empty file input arrives as a part without name and bytes. */
    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null
                || f.getOriginalFilename().isBlank()))).toList();
    }

    /**
     * Photos sent with the action (the handler's feedback form): each is uploaded and named in {@code attachmentIds},
     * then the action is taken, all in one transaction, so a bad photo or a refused action leaves no attachment record
     * behind (a stored file without a record is harmless: same content, same key).
     */
    private void withPhotos(long id, CaseAction what, int version, ActionInput input, List<MultipartFile> files,
                            org.citygrid.cases.Actor actor) {
        transactions.executeWithoutResult(tx -> {
            var ids = new ArrayList<Long>(input.attachmentIds() == null ? List.of() : input.attachmentIds());
            for (var file : files) {
                try {
                    ids.add(attachments.upload(id, AttachmentsApi.read(file), actor).id());
                } catch (DomainException e) {
                    throw new PhotoRefused(file.getOriginalFilename(), e);
                }
            }
            cases.act(id, what, version, input.withAttachments(ids), actor);
        });
    }

    /** A photo of the form was refused; the page names the file. */
    static final class PhotoRefused extends RuntimeException {
        final String fileName;
        final transient DomainException refusal;

        PhotoRefused(String fileName, DomainException refusal) {
            super(refusal.getMessage(), refusal, false, false);
            this.fileName = fileName == null || fileName.isBlank() ? "?" : fileName;
            this.refusal = refusal;
        }
    }

    /** A photo of the action form was too large: the page says so (like the upload form). */
    @ExceptionHandler({MaxUploadSizeExceededException.class, SizeException.class})
    String tooLarge(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", messages.getMessage("cases.attachment.too-large",
                new Object[] {Attachments.MAX_BYTES / 1024 / 1024}, LocaleContextHolder.getLocale()));
        return "redirect:/cases/" + id;
    }

    private boolean stillVisible(long id, org.citygrid.cases.Actor actor) {
        try {
            cases.get(id, actor);
            return true;
        } catch (DomainException.NotFound e) {
            return false;
        }
    }

    private static boolean onPage(String wireName) {
        return CaseAction.fromWireName(wireName).filter(ON_PAGE::contains).isPresent();
    }

    private org.citygrid.cases.Case find(long id, org.citygrid.cases.Actor actor) {
        try {
            return cases.get(id, actor);
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
