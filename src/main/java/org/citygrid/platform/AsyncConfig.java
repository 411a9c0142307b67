package org.citygrid.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}, and {@code @Async} transactional listeners) run after the
 * commit on a thread of their own (Boot's task executor, virtual threads). Run in the request's thread instead, each
 * would open its own transaction while the request still holds its connection: two connections per request, and a
 * pool exhausted by a handful of concurrent requests. A listener that fails leaves its event publication incomplete
 * in the registry, to be republished on restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {
}
