package org.citygrid.platform.web;

import java.util.Arrays;

import jakarta.servlet.http.HttpSession;

import org.citygrid.platform.security.LoginThrottledException;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. On the demo profile it lists the demo accounts, so an evaluator can try every role. */
@Controller
class LoginController {

    private final Environment environment;

    LoginController(Environment environment) {
        this.environment = environment;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            var failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("errorKey", switch (failure) {
                case LoginThrottledException t -> "login.error.throttled";
                case DisabledException d -> "login.error.disabled";
                case null, default -> "login.error.bad-credentials";
            });
        }
        model.addAttribute("demo", Arrays.asList(environment.getActiveProfiles()).contains("demo"));
        model.addAttribute("demoPassword", environment.getProperty("citygrid.demo.password"));
        return "login";
    }
}
