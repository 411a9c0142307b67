package org.citygrid.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN by default, English as the second language: {@code ?lang=en} switches and a cookie remembers it. Pages
 * stay Chinese whatever the browser's language until the user switches; API clients may ask with
 * {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("citygrid-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            var header = request.getHeader("Accept-Language");
            var api = request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/open311/");
            if (!api || header == null || header.isBlank()) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            try {
                var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return match == null ? Locale.SIMPLIFIED_CHINESE : match;
            } catch (IllegalArgumentException e) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                var lang = request.getParameter("lang");
                if (lang != null && SUPPORTED.stream().noneMatch(l -> l.toLanguageTag().equalsIgnoreCase(lang)
                        || l.getLanguage().equalsIgnoreCase(lang))) {
                    return true; // unknown languages are ignored, not remembered
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
