package org.citygrid.cases.internal.sla;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.citygrid.calendar.Calendars;
import org.citygrid.cases.ActionInput;
import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.CaseAction;
import org.citygrid.cases.Cases;
import org.citygrid.cases.EscalationAction;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The URGE escalation: the system urges a case whose clock turned (督办) through the case's normal URGE action, as
 * {@code Actor.system(DISPATCHER)}, with a generated note. A concurrent change of the case (409) is retried once with
 * the new version. Not one transaction around both tries: a failed save marks its transaction for rollback, so each
 * try is its own {@code Cases.act} transaction; the event publication stays incomplete if both fail.
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    static final Actor SYSTEM = Actor.system(Role.DISPATCHER);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Cases cases;
    private final Calendars calendars;
    private final MessageSource messages;

    Escalations(Cases cases, Calendars calendars, MessageSource messages) {
        this.cases = cases;
        this.calendars = calendars;
        this.messages = messages;
    }

    @Async
    @TransactionalEventListener
    void on(StageClockTurned turned) {
        if (turned.asks(EscalationAction.URGE)) {
            try {
                urgeOnce(turned);
            } catch (DomainException.Conflict | OptimisticLockingFailureException stale) {
                log.info("SLA urge of case {} met a concurrent change; trying once more", turned.caseNo());
                urgeOnce(turned);
            }
        }
    }

    private void urgeOnce(StageClockTurned turned) {
        var c = cases.get(turned.caseId().value(), SYSTEM);
        if (!stillRunning(c, turned) || !c.allowedActions(SYSTEM, cases.now()).contains(CaseAction.URGE)) {
            log.info("SLA urge of case {} skipped: the {} clock no longer runs", turned.caseNo(), turned.stage());
            return;
        }
        cases.act(c.id().value(), CaseAction.URGE, c.version(), ActionInput.note(note(turned)), SYSTEM);
    }

    private static boolean stillRunning(Case c, StageClockTurned turned) {
        return c.stages().stream().anyMatch(s -> s.stage() == turned.stage() && s.isRunning());
    }

    /** The note is written once, in the platform's default language (zh-CN), like every timeline note. */
    private String note(StageClockTurned turned) {
        var zh = Locale.SIMPLIFIED_CHINESE;
        var stage = messages.getMessage(turned.stage().messageKey(), null, turned.stage().name(), zh);
        var deadline = TIME.format(turned.deadline().atZone(calendars.zone()));
        return messages.getMessage("cases.sla.urge-note." + turned.light(), new Object[] {stage, deadline}, zh);
    }
}
