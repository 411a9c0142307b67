package org.citygrid.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task once the publishing transaction has committed, or at once outside a transaction. In-memory listeners
 * (the dashboard's cache and stream, the evaluation's memo and ranking) use it instead of
 * {@code @TransactionalEventListener}: Spring Modulith records every transactional listener in its publication
 * registry, in a transaction of its own on the request's thread — a second connection per event (see the dashboard's
 * {@code DashboardCache}). Forgetting figures or noting a change needs no record.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    task.run();
                }
            });
        } else {
            task.run();
        }
    }
}
