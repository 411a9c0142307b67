package org.citygrid.geo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Settings of the geo module ({@code citygrid.geo.*}). */
@ConfigurationProperties("citygrid.geo")
public record GeoSettings(@DefaultValue("20MB") DataSize maxImportSize) {
}
