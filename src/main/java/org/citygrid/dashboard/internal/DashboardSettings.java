package org.citygrid.dashboard.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code citygrid.dashboard.*}: how long a burst of case events is gathered before subscribers are told once
 * ({@code debounce}), how often an idle stream gets a heartbeat comment, and when a stream is ended (the browser's
 * EventSource reconnects by itself); {@code maxAge} bounds how long computed figures are shared (see DashboardCache).
 */
@ConfigurationProperties("citygrid.dashboard")
public record DashboardSettings(@DefaultValue("PT1S") Duration debounce, @DefaultValue("PT20S") Duration heartbeat,
                                @DefaultValue("PT30M") Duration streamTimeout, @DefaultValue("PT10S") Duration maxAge) {
}
