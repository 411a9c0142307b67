package org.citygrid.org.web;

import java.util.EnumSet;
import java.util.Set;

import org.citygrid.org.Role;
import org.citygrid.org.internal.Accounts;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's pages for departments and accounts. */
@Controller
@RequestMapping("/admin/org")
@PreAuthorize("hasRole('ADMIN')")
class OrgPages {

    private final Accounts accounts;
    private final MessageSource messages;

    OrgPages(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/departments")
    String departments(Model model) {
        model.addAttribute("departments", accounts.departments());
        return "admin/departments";
    }

    /** The form of a new account; the fields stay filled when something must be corrected. */
    record PersonForm(String username, String displayName, String phone, String departmentCode, Set<Role> roles,
                      String password) {
        static PersonForm empty() {
            return new PersonForm("", "", "", "", EnumSet.noneOf(Role.class), "");
        }
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        return personForm(model, PersonForm.empty(), null);
    }

    @PostMapping("/people/new")
    String createPerson(PersonForm form, Model model, RedirectAttributes redirect) {
        var roles = form.roles() == null || form.roles().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(form.roles());
        var dept = form.departmentCode() == null || form.departmentCode().isBlank() ? null : form.departmentCode();
        var phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().strip();
        try {
            if (form.displayName() == null || form.displayName().isBlank()) {
                throw new DomainException.Invalid("displayName", "org.person.display-name.empty");
            }
            accounts.createPerson(new Accounts.NewPerson(String.valueOf(form.username()).strip(), form.displayName(),
                    phone, dept, roles, form.password()), false);
        } catch (DomainException e) {
            return personForm(model, form, messages.getMessage(e.messageKey(), e.arguments(),
                    LocaleContextHolder.getLocale()));
        }
        redirect.addFlashAttribute("created", form.username().strip());
        return "redirect:/admin/org/people";
    }

    private String personForm(Model model, PersonForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", accounts.departments());
        return "admin/person-form";
    }

    @GetMapping("/people")
    String people(@RequestParam(required = false) Role role, @RequestParam(required = false) String departmentCode,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        var dept = departmentCode == null || departmentCode.isBlank() ? null : departmentCode;
        model.addAttribute("people", accounts.people(role, dept, Paging.of(Math.max(page, 0), 50)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", accounts.departments());
        model.addAttribute("role", role);
        model.addAttribute("departmentCode", dept);
        return "admin/people";
    }
}
