package org.citygrid.org.web;

import org.citygrid.org.Role;
import org.citygrid.org.internal.Accounts;
import org.citygrid.platform.web.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's pages for departments and accounts. */
@Controller
@RequestMapping("/admin/org")
@PreAuthorize("hasRole('ADMIN')")
class OrgPages {

    private final Accounts accounts;

    OrgPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/departments")
    String departments(Model model) {
        model.addAttribute("departments", accounts.departments());
        return "admin/departments";
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
