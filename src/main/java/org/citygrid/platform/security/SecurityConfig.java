package org.citygrid.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citygrid.platform.web.ProblemResponses;
import org.citygrid.platform.web.Problems;
import org.citygrid.platform.web.RequestLogFilter;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. Two chains: {@code /api/**} (HTTP Basic for scripts, or the browser's session) answers with
 * problem JSON; everything else is the web UI with form login. Roles are checked on every endpoint with
 * {@code @PreAuthorize}; what is not public needs a signed-in user at least.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    private static final String CSP = "default-src 'self'; img-src 'self' data: blob: https:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, Clock clock,
                                                 SecurityProperties properties) {
        var dao = new DaoAuthenticationProvider(users);
        var remembered = properties.verifiedPasswords();
        dao.setPasswordEncoder(new VerifiedPasswords(encoder, clock, remembered.ttl(), remembered.maxEntries()));
        var login = properties.login();
        var byUser = new LoginThrottle(clock, login.maxFailures(), login.window(), login.lockout());
        var byClient = new LoginThrottle(clock, login.maxFailures() * ThrottlingAuthenticationProvider.CLIENT_FACTOR,
                login.window(), login.lockout());
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, byUser, byClient));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, Problems problems,
                            ProblemResponses responses, Clock clock) throws Exception {
        var entryPoint = apiEntryPoint(problems, responses, clock);
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        // The public portal's read API needs no sign-in (rate-limited by intake.portal.PortalThrottle).
                        .requestMatchers("/api/v1/public/**").permitAll()
                        // Division boundaries are public (posted in every community); the portal's maps draw them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/geo/divisions/geojson").permitAll()
                        .anyRequest().authenticated())
                // Use the browser's session if it has one, never create one for a script, never save requests.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.realmName("CityGrid").authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(apiAccessDenied(problems, responses)))
                // Scripts sending credentials with each request cannot be forged by another site; browser
                // sessions must send the CSRF token (the layout puts it in a meta tag for htmx and fetch).
                .csrf(c -> c.ignoringRequestMatchers(r -> r.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .addFilterAfter(new UserAttributeFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        // The public portal (intake.portal): citizens report and track without signing in.
                        .requestMatchers("/public", "/public/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                // People are sent to the sign-in page; only scrapers of /actuator get a Basic challenge.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new BasicAuthenticationEntryPoint() {
                            {
                                setRealmName("CityGrid");
                            }
                        }, PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                // Actuator scrapers (Prometheus) authenticate with Basic; browsers use the form.
                .httpBasic(b -> b.realmName("CityGrid"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .addFilterAfter(new UserAttributeFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static AuthenticationEntryPoint apiEntryPoint(Problems problems, ProblemResponses responses, Clock clock) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                var seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                responses.write(response, problems.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                        "problem.detail.login-throttled", new Object[] {(seconds + 59) / 60}));
                return;
            }
            // Browsers' XHR (htmx) must not get the native Basic dialog; scripts need the challenge.
            if (request.getHeader("HX-Request") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CityGrid\"");
            }
            var key = e instanceof org.springframework.security.authentication.BadCredentialsException
                    ? "problem.detail.bad-credentials" : "problem.detail.unauthenticated";
            responses.write(response, problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", key));
        };
    }

    private static AccessDeniedHandler apiAccessDenied(Problems problems, ProblemResponses responses) {
        return (request, response, e) -> {
            var csrf = e instanceof org.springframework.security.web.csrf.CsrfException;
            responses.write(response, problems.problem(HttpStatus.FORBIDDEN, csrf ? "csrf" : "forbidden",
                    csrf ? "problem.detail.csrf" : "problem.detail.forbidden"));
        };
    }

    /** Tells the request log (and every log line of the request) who is asking. */
    static final class UserAttributeFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            var name = auth == null ? "-" : auth.getName();
            request.setAttribute(RequestLogFilter.USER_ATTRIBUTE, name);
            MDC.put("user", name);
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove("user");
            }
        }
    }

}
