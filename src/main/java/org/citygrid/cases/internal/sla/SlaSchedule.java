package org.citygrid.cases.internal.sla;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the SLA monitor every {@code citygrid.cases.sla.interval} (default one minute) on the one node that holds the
 * {@code sla-monitor} lease. Off unless {@code citygrid.cases.sla.enabled=true} (tests call the monitor directly).
 */
@Component
@ConditionalOnBooleanProperty("citygrid.cases.sla.enabled")
class SlaSchedule {

    static final String LOCK = "sla-monitor";

    private final SlaMonitor monitor;

    SlaSchedule(SlaMonitor monitor) {
        this.monitor = monitor;
    }

    /** Holds the lease for at least 20 s, so a node whose clock runs a little ahead does not run the same minute again. */
    @Scheduled(fixedDelayString = "${citygrid.cases.sla.interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    public void run() {
        monitor.pass();
    }
}
