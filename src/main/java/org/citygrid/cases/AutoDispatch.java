package org.citygrid.cases;

import java.util.Locale;

import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 自动派遣: when a case is filed and the winning suggestion is a rule with auto-dispatch, the system dispatches it
 * through the normal DISPATCH action as {@code system} acting as DISPATCHER. It runs after the filing has committed,
 * in its own transaction, so a failure here never undoes the filing. A refused dispatch (409: a person changed the
 * case at the same moment; 422: the department can no longer take cases) rolls back on its own, leaves the case in
 * PENDING_DISPATCH for a dispatcher, and publishes {@link AutoDispatchFailed} (the dispatchers are notified). It
 * runs synchronously (no {@code @Async}): the filing request returns once the automatic dispatch is done.
 * <p>
 * A plain listener that registers an after-commit callback, not a {@code @TransactionalEventListener}: Spring
 * Modulith records every transactional listener of each published {@link CaseTransitioned} in its publication
 * registry, in a transaction of its own on the acting thread while that thread still holds its connection — every
 * transition of the platform would take two connections, and a burst of them (the SLA monitor's escalation urges)
 * deadlocked the pool. Only a filing that a rule auto-dispatches now takes a second connection, for the dispatch
 * itself (the rule is looked up on the filing's connection). The price: a node that
 * dies between the filing's commit and the automatic dispatch leaves the case in the dispatchers' queue, where a
 * person dispatches it.
 */
@Component
class AutoDispatch {

    private static final Logger log = LoggerFactory.getLogger(AutoDispatch.class);

    private final Cases cases;
    private final Routing routing;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    AutoDispatch(Cases cases, Routing routing, MessageSource messages, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions) {
        this.cases = cases;
        this.routing = routing;
        this.messages = messages;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What is about to be tried, kept so that a refusal can say which case, rule and department it was. */
    private record Attempt(CaseId caseId, String caseNo, long ruleId, String departmentCode) {
    }

    @EventListener
    void on(CaseTransitioned event) {
        if (event.action() != CaseAction.FILE || event.to() != CaseStatus.PENDING_DISPATCH) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    attempt(event);
                }
            });
        }
    }

    private void attempt(CaseTransitioned event) {
        // Read first on the filing's connection, still bound to this thread after its commit: most filings match no
        // rule with auto-dispatch and so never take a second connection.
        var c = cases.get(event.caseId().value(), Actor.system(Role.DISPATCHER));
        if (routing.decide(c).winner().filter(w -> w.source() == RoutingSource.RULE && w.autoDispatch()).isEmpty()) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(tx -> dispatch(event.caseId()));
        } catch (Refused r) {
            var a = r.attempt;
            var key = r.refusal instanceof DomainException d ? d.messageKey() : "cases.version.stale";
            log.warn("automatic dispatch of case {} to {} by routing rule {} refused ({}); it waits for a dispatcher",
                    a.caseNo(), a.departmentCode(), a.ruleId(), key);
            newTransaction.executeWithoutResult(tx -> events.publishEvent(new AutoDispatchFailed(a.caseId(),
                    a.caseNo(), a.ruleId(), a.departmentCode(), key, cases.now())));
        }
    }

    private void dispatch(CaseId id) {
        var system = Actor.system(Role.DISPATCHER);
        var c = cases.get(id.value(), system);
        if (c.status() != CaseStatus.PENDING_DISPATCH) {
            return;
        }
        routing.decide(c).winner().filter(w -> w.source() == RoutingSource.RULE && w.autoDispatch()).ifPresent(w -> {
            var attempt = new Attempt(id, c.caseNo(), w.ruleId(), w.departmentCode());
            // the timeline's note is stored text: written in the platform's default language, zh-CN
            var note = messages.getMessage("cases.routing.auto-note", new Object[] {w.ruleId(),
                    messages.getMessage(w.reason(), Locale.SIMPLIFIED_CHINESE)}, Locale.SIMPLIFIED_CHINESE);
            var in = ActionInput.note(note).withDepartment(w.departmentCode())
                    .withReason(Routing.AUTO_RULE + w.ruleId());
            try {
                cases.act(c.id().value(), CaseAction.DISPATCH, c.version(), in, system);
            } catch (DomainException | OptimisticLockingFailureException refused) {
                throw new Refused(attempt, refused);
            }
            log.info("case {} dispatched automatically to {} by routing rule {}", c.caseNo(), w.departmentCode(),
                    w.ruleId());
        });
    }

    /** Carries the attempt out of the rolled-back transaction. */
    private static final class Refused extends RuntimeException {
        final transient Attempt attempt;
        final RuntimeException refusal;

        Refused(Attempt attempt, RuntimeException refusal) {
            super(refusal.getMessage(), refusal, false, false);
            this.attempt = attempt;
            this.refusal = refusal;
        }
    }
}
