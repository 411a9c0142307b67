package org.citygrid.cases.internal.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the historical case import ({@code citygrid.cases.import.*}): the largest body (413 beyond it), the most
 * lines a file may have (422 beyond it) and how many lines are committed together.
 */
@ConfigurationProperties("citygrid.cases.import")
public record ImportSettings(@DefaultValue("128MB") DataSize maxSize, @DefaultValue("100000") int maxLines,
                             @DefaultValue("500") int chunkSize) {
}
