package org.citygrid.cases.internal.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SYNTHETIC demo history ({@code citygrid.demo.history.*}, profile {@code demo}): about {@code count} cases over the
 * {@code months} before start-up (0 turns it off), generated with {@code seed}, {@code supervisorShare} of them
 * reported by supervisors; imported {@code batchLines} lines at a time, on a background thread unless
 * {@code inBackground=false}. See docs/DEMO-HISTORY.md.
 */
@ConfigurationProperties("citygrid.demo.history")
public record DemoHistorySettings(@DefaultValue("20000") int count, @DefaultValue("4") int months,
                                  @DefaultValue("20261127") long seed, @DefaultValue("0.7") double supervisorShare,
                                  @DefaultValue("true") boolean inBackground, @DefaultValue("5000") int batchLines) {
}
