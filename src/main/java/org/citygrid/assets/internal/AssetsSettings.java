package org.citygrid.assets.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the assets module ({@code citygrid.assets.*}): import limits, and the size of the synthetic demo
 * inventory (profile {@code demo}) and whether it is seeded on a background thread after start-up.
 */
@ConfigurationProperties("citygrid.assets")
public record AssetsSettings(@DefaultValue("100MB") DataSize maxImportSize,
                             @DefaultValue("300000") int maxImportRows,
                             @DefaultValue("200000") int demoCount,
                             @DefaultValue("true") boolean demoInBackground) {
}
