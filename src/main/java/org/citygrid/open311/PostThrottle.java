package org.citygrid.open311;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** The POST throttles: per client address (checked before the key, so junk without a key is throttled too) and per key. */
@Component
class PostThrottle {

    private final TokenBuckets byAddress;
    private final TokenBuckets byKey;

    PostThrottle(Clock clock, Open311Properties properties) {
        var t = properties.throttle();
        this.byAddress = new TokenBuckets(clock, t.addressCapacity(), t.addressPerMinute());
        this.byKey = new TokenBuckets(clock, t.keyCapacity(), t.keyPerMinute());
    }

    void byAddress(String address) {
        check(byAddress, "address:" + address);
    }

    void byKey(long keyId) {
        check(byKey, "key:" + keyId);
    }

    private static void check(TokenBuckets buckets, String key) {
        var wait = buckets.take(key);
        if (!wait.isZero()) {
            throw Open311Exception.throttled(wait);
        }
    }
}
