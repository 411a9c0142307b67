package org.citygrid.cases;

import java.util.Locale;

import org.citygrid.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 自动派遣: when a case is filed and the winning suggestion is a rule with auto-dispatch, the system dispatches it
 * through the normal DISPATCH action as {@code system} acting as DISPATCHER. It runs after the filing has committed,
 * in its own transaction, so a failure here never undoes the filing: the case simply waits for a dispatcher, and the
 * event publication registry keeps the event as incomplete for a retry. It runs synchronously (no {@code @Async}):
 * the filing request returns once the automatic dispatch is done.
 */
@Component
class AutoDispatch {

    private static final Logger log = LoggerFactory.getLogger(AutoDispatch.class);

    private final Cases cases;
    private final Routing routing;
    private final MessageSource messages;

    AutoDispatch(Cases cases, Routing routing, MessageSource messages) {
        this.cases = cases;
        this.routing = routing;
        this.messages = messages;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(CaseTransitioned event) {
        if (event.action() != CaseAction.FILE || event.to() != CaseStatus.PENDING_DISPATCH) {
            return;
        }
        var system = Actor.system(Role.DISPATCHER);
        var c = cases.get(event.caseId().value(), system);
        if (c.status() != CaseStatus.PENDING_DISPATCH) {
            return;
        }
        routing.decide(c).winner().filter(w -> w.source() == RoutingSource.RULE && w.autoDispatch()).ifPresent(w -> {
            // the timeline's note is stored text: written in the platform's default language, zh-CN
            var note = messages.getMessage("cases.routing.auto-note", new Object[] {w.ruleId(),
                    messages.getMessage(w.reason(), Locale.SIMPLIFIED_CHINESE)}, Locale.SIMPLIFIED_CHINESE);
            var in = ActionInput.note(note).withDepartment(w.departmentCode())
                    .withReason(Routing.AUTO_RULE + w.ruleId());
            cases.act(c.id().value(), CaseAction.DISPATCH, c.version(), in, system);
            log.info("case {} dispatched automatically to {} by routing rule {}", c.caseNo(), w.departmentCode(),
                    w.ruleId());
        });
    }
}
