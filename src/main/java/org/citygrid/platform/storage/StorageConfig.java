package org.citygrid.platform.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store on the local filesystem, unless another {@link FileStore} (e.g. an S3 one) is defined. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean
    @ConditionalOnMissingBean(FileStore.class)
    FileStore fileStore(StorageProperties properties) {
        return new FilesystemFileStore(properties.directory());
    }
}
