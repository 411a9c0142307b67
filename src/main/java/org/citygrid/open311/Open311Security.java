package org.citygrid.open311;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The GeoReport endpoints' own security chain, ahead of the platform's: every request is let through (GETs are
 * public; a POST is authenticated by its {@code api_key} in {@link GeoReportController}, so that a refusal is a 403 in
 * the spec's error format), with no session, no CSRF token (no cookie authenticates anything here) and no saved
 * requests. The platform's headers (CSP, frame options) still apply.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Properties.class)
class Open311Security {

    static final String BASE = "/open311/v2";

    @Bean
    @Order(0)
    SecurityFilterChain open311(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .anonymous(a -> a.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }
}
