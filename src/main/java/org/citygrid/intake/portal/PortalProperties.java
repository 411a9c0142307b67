package org.citygrid.intake.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code citygrid.portal.*}: the abuse defences and the public map (docs/PORTAL.md).
 *
 * @param minFillTime  a report form sent back sooner than this after it was served is a bot's
 * @param maxFormAge   a form older than this must be reloaded (its stamp has expired)
 * @param formSecret   key of the form stamps; empty: a random key per start (forms served before a restart expire)
 * @param writes       every POST to the portal, per client address
 * @param reads        tracking look-ups, duplicate checks and the public map, per client address
 * @param phones       reports per contact phone
 * @param mapClosedDays how long a closed problem stays on the public map
 * @param mapMaxPoints the most problems the public map shows (newest reports first)
 * @param mapCacheTtl  how long the public map is served from memory before it is read again
 */
@ConfigurationProperties("citygrid.portal")
record PortalProperties(@DefaultValue("3s") Duration minFillTime, @DefaultValue("2h") Duration maxFormAge,
                        @DefaultValue("") String formSecret,
                        @DefaultValue Bucket writes, @DefaultValue Bucket reads, @DefaultValue Bucket phones,
                        @DefaultValue("30") int mapClosedDays, @DefaultValue("2000") int mapMaxPoints,
                        @DefaultValue("60s") Duration mapCacheTtl) {

    /**
     * A token bucket: {@code capacity} requests at once, then one more every {@code refillEvery}.
     */
    record Bucket(@DefaultValue("20") int capacity, @DefaultValue("30s") Duration refillEvery) {
    }
}
