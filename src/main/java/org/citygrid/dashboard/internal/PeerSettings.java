package org.citygrid.dashboard.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code citygrid.dashboard.peers.*}: whether this node's dashboards learn of the case changes committed by other nodes
 * on the same database ({@code enabled}, default on), how often it writes its own marker and reads the others'
 * ({@code interval}, default one second), a name for this node in {@code dashboard_change} ({@code node}, default
 * {@code pid@host} plus a random suffix, unique per start), and after how long without a write a node's row is
 * forgotten at start-up ({@code forget-after}).
 */
@ConfigurationProperties("citygrid.dashboard.peers")
public record PeerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("PT1S") Duration interval,
                           @DefaultValue("") String node, @DefaultValue("P7D") Duration forgetAfter) {
}
