package org.citygrid.platform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP requests run on Tomcat's own pool of platform threads ({@code server.tomcat.threads.max}, 200 by default),
 * while the rest of the platform (asynchronous listeners, scheduled jobs) keeps virtual threads
 * ({@code spring.threads.virtual.enabled}). Measured on the 2-core machine (docs/PERFORMANCE.md, "Report intake",
 * fourth round): while the database was the bottleneck, virtual request threads let every waiting request in and
 * spent about a fifth of the CPU parking and waking carrier threads — at 500 reports/s p50 0.9 s against 7.6 ms on
 * platform threads; once the bottleneck was gone the two were within run-to-run noise at 750–1,000 reports/s. The
 * bounded pool is kept for the first case: under overload it queues at the door instead of inside. A request waits
 * for one of the ten database connections either way. {@code citygrid.web.request-threads: virtual} restores Spring
 * Boot's default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "citygrid.web.request-threads", havingValue = "platform", matchIfMissing = true)
class RequestThreads {

    @Bean
    PlatformRequestThreads platformRequestThreads() {
        return new PlatformRequestThreads();
    }

    /**
     * Runs after Spring Boot's virtual-thread customizer (order 1), whose executor it takes away again: without an
     * executor of its own, Tomcat starts its internal pool sized by {@code server.tomcat.threads.*}.
     */
    static final class PlatformRequestThreads
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
