package org.citygrid.catalog.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.Catalog;
import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.catalog.internal.CaseClass;
import org.citygrid.catalog.internal.CatalogAdministration;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The administrator's pages for the catalog: the list with filters, and one class's limit and settings. */
@Controller
@RequestMapping("/admin/catalog")
@PreAuthorize("hasRole('ADMIN')")
class CatalogPages {

    private final Catalog catalog;
    private final CatalogAdministration administration;
    private final OrgDirectory org;
    private final MessageSource messages;

    CatalogPages(Catalog catalog, CatalogAdministration administration, OrgDirectory org, MessageSource messages) {
        this.catalog = catalog;
        this.administration = administration;
        this.org = org;
        this.messages = messages;
    }

    /**
     * The edit form as posted. Everything is boxed so that a wrong entry is a binding error, not a failure; an
     * unticked checkbox sends nothing, so a missing {@code urgent} means false.
     */
    record ClassForm(Integer version, Integer amount, TimeUnit unit, String defaultDepartmentCode, Boolean urgent,
                     String filingCriteria, String closingCriteria, Integer duplicateRadiusMeters) {
        static ClassForm of(CatalogClass c) {
            return new ClassForm(c.version(), c.handleLimit().amount(), c.handleLimit().unit(),
                    c.defaultDepartmentCode(), c.urgent(), c.filingCriteria(), c.closingCriteria(),
                    c.duplicateRadiusMeters());
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) ClassKind kind, @RequestParam(required = false) String q,
                Model model) {
        model.addAttribute("classes", catalog.search(kind, q));
        model.addAttribute("kinds", ClassKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        return "admin/catalog";
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, @RequestParam(required = false) ClassKind kind, Model model) {
        var c = catalog.resolve(kind, code);
        return form(c, ClassForm.of(c), model);
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @RequestParam ClassKind kind, @ModelAttribute("form") ClassForm form,
                BindingResult binding, Model model, Locale locale, HttpServletResponse response,
                RedirectAttributes redirect) {
        var c = catalog.get(kind, code);
        if (binding.hasErrors() || form.version() == null || form.amount() == null || form.unit() == null
                || form.duplicateRadiusMeters() == null) {
            return failed(c, form, model, response, HttpStatus.BAD_REQUEST,
                    messages.getMessage("catalog.form.incomplete", null, locale));
        }
        try {
            administration.change(kind, code, new HandleLimit(form.amount(), form.unit()),
                    new CatalogAdministration.Settings(form.defaultDepartmentCode(), Boolean.TRUE.equals(form.urgent()),
                            form.filingCriteria(), form.closingCriteria(), form.duplicateRadiusMeters()),
                    form.version());
        } catch (DomainException e) {
            return failed(c, form, model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        } catch (OptimisticLockingFailureException e) {
            var current = catalog.get(kind, code);
            return failed(current, ClassForm.of(current), model, response, HttpStatus.CONFLICT,
                    messages.getMessage("catalog.form.stale", null, locale));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/catalog/{code}").queryParam("kind", kind)
                .buildAndExpand(code).toUriString();
    }

    /** An unknown class is the usual 404 page; an ambiguous code without kind the usual 400 page. */
    @ExceptionHandler(DomainException.class)
    void problem(DomainException e, HttpServletResponse response) throws IOException {
        response.sendError(e instanceof DomainException.NotFound ? HttpStatus.NOT_FOUND.value()
                : HttpStatus.BAD_REQUEST.value());
    }

    private String failed(CatalogClass c, ClassForm form, Model model, HttpServletResponse response,
                          HttpStatus status, String error) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return form(c, form, model);
    }

    private String form(CatalogClass c, ClassForm form, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("form", form);
        model.addAttribute("units", TimeUnit.values());
        model.addAttribute("departments", org.departments());
        model.addAttribute("maxRadius", CaseClass.MAX_DUPLICATE_RADIUS);
        return "admin/catalog-class";
    }
}
