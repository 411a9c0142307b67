package org.citygrid.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the module listeners ({@code @ApplicationModuleListener}) whose event publication has not completed
 * {@code citygrid.events.resubmit-older-than} (10 minutes) after it was published: the listener failed (a database
 * hiccup, a notification that could not be stored) or its node stopped before it finished. Every
 * {@code citygrid.events.resubmit-every} (5 minutes), on the one node holding the {@code event-resubmission} lease.
 * <p>
 * It replaces Spring Modulith's republication at start-up, which is off: a node starting while another node is still
 * running its listeners would run them a second time (a notification sent twice). Our listeners take milliseconds, so a
 * publication ten minutes old and incomplete is one that will not complete by itself.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications incomplete,
                      @Value("${citygrid.events.resubmit-older-than:PT10M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${citygrid.events.resubmit-every:PT5M}",
            initialDelayString = "${citygrid.events.resubmit-every:PT5M}")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void run() {
        resubmitOlderThan(olderThan);
    }

    void resubmitOlderThan(Duration age) {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(age);
        } catch (RuntimeException e) {
            log.warn("Event publications: resubmission failed, next try in one interval: {}", e.getMessage());
        }
    }
}
