package org.citygrid.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code citygrid.open311.*}: the jurisdiction this server answers for, what discovery says, whether services are
 * {@code realtime} (POST returns the id) or {@code batch} (POST returns a token), and the POST throttles.
 */
@ConfigurationProperties("citygrid.open311")
record Open311Properties(@DefaultValue("citygrid.local") String jurisdictionId,
                         @DefaultValue("CityGrid supervision centre") String contact,
                         @DefaultValue("Ask the platform's administrator for an API key (one per client system).")
                         String keyService,
                         @DefaultValue("production") String endpointType,
                         @DefaultValue("") String publicUrl,
                         @DefaultValue("realtime") String serviceType,
                         @DefaultValue Throttle throttle) {

    /** Token buckets: {@code capacity} POSTs at once, refilled at {@code perMinute}; per API key and per address. */
    record Throttle(@DefaultValue("60") int keyCapacity, @DefaultValue("60") int keyPerMinute,
                    @DefaultValue("30") int addressCapacity, @DefaultValue("30") int addressPerMinute) {
    }

    boolean batch() {
        return "batch".equals(serviceType);
    }
}
