package org.citygrid.cases.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.citygrid.cases.internal.routing.RoutingRule;
import org.citygrid.cases.internal.routing.RoutingRules;
import org.citygrid.catalog.ClassKind;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of routing rules: the list, a form to add or change one, and deleting. */
@Controller
@RequestMapping("/admin/routing")
@PreAuthorize("hasRole('ADMIN')")
class RoutingPages {

    private final RoutingRules rules;
    private final OrgDirectory org;
    private final MessageSource messages;

    RoutingPages(RoutingRules rules, OrgDirectory org, MessageSource messages) {
        this.rules = rules;
        this.org = org;
        this.messages = messages;
    }

    /**
     * The form as posted; boxed so that a wrong entry is a binding error, and an unticked checkbox sends nothing
     * (false).
     */
    record RuleForm(Integer version, ClassKind kind, String classCode, String regionCode, String departmentCode,
                    Integer priority, Boolean autoDispatch, Boolean enabled) {

        static RuleForm empty() {
            return new RuleForm(null, null, null, null, null, 100, false, true);
        }

        static RuleForm of(RoutingRule r) {
            return new RuleForm(r.version(), r.kind(), r.classCode(), r.regionCode(), r.departmentCode(),
                    r.priority(), r.autoDispatch(), r.enabled());
        }

        RoutingRule.Settings settings() {
            return new RoutingRule.Settings(kind, classCode, regionCode, departmentCode, priority,
                    Boolean.TRUE.equals(autoDispatch), Boolean.TRUE.equals(enabled));
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) Long edit, Model model) {
        if (edit == null) {
            return page(null, RuleForm.empty(), model);
        }
        var rule = find(edit);
        return page(rule.id(), RuleForm.of(rule), model);
    }

    @PostMapping
    String create(@ModelAttribute("form") RuleForm form, BindingResult binding, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return save(null, form, binding, model, locale, response, redirect);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute("form") RuleForm form, BindingResult binding, Model model,
                  Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        find(id);
        return save(id, form, binding, model, locale, response, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, Locale locale, RedirectAttributes redirect) {
        try {
            rules.delete(id, version);
            redirect.addFlashAttribute("saved", messages.getMessage("cases.routing.admin.deleted", new Object[] {id},
                    locale));
        } catch (DomainException.Conflict | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", messages.getMessage("cases.routing.admin.stale", null, locale));
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/admin/routing";
    }

    private String save(Long id, RuleForm form, BindingResult binding, Model model, Locale locale,
                        HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors() || form.priority() == null || (id != null && form.version() == null)) {
            return failed(id, form, model, response, HttpStatus.BAD_REQUEST,
                    messages.getMessage("cases.routing.admin.incomplete", null, locale));
        }
        try {
            var saved = id == null ? rules.create(form.settings()) : rules.change(id, form.version(), form.settings());
            redirect.addFlashAttribute("saved", messages.getMessage("cases.routing.admin.saved",
                    new Object[] {saved.id()}, locale));
        } catch (DomainException.Invalid e) {
            return failed(id, form, model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        } catch (DomainException.Conflict | OptimisticLockingFailureException e) {
            var current = find(id);
            return failed(id, RuleForm.of(current), model, response, HttpStatus.CONFLICT,
                    messages.getMessage("cases.routing.admin.stale", null, locale));
        }
        return "redirect:/admin/routing";
    }

    private String failed(Long id, RuleForm form, Model model, HttpServletResponse response, HttpStatus status,
                          String error) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return page(id, form, model);
    }

    private String page(Long editing, RuleForm form, Model model) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("kinds", ClassKind.values());
        model.addAttribute("departments", org.departments());
        model.addAttribute("maxPriority", RoutingRules.MAX_PRIORITY);
        return "admin/routing";
    }

    private RoutingRule find(Long id) {
        try {
            return rules.get(id);
        } catch (DomainException.NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
