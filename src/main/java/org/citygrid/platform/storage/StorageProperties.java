package org.citygrid.platform.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code citygrid.storage.*}: the directory of the file store (created at start-up if missing). */
@ConfigurationProperties("citygrid.storage")
public record StorageProperties(@DefaultValue("./data/files") Path directory) {
}
