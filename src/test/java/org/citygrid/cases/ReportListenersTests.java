package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A report made with no transaction open is stored in one autocommit statement and its {@link CaseReported} published
 * after that has committed ({@code CaseWriter.insertAlone}): a transactional listener of it (including Spring
 * Modulith's {@code @ApplicationModuleListener}) would never run unless it falls back to running without a
 * transaction. This keeps every such listener honest.
 */
class ReportListenersTests {

    private static final List<Method> LISTENERS = listeners();

    private static List<Method> listeners() {
        var out = new ArrayList<Method>();
        for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.citygrid")) {
            for (var m : type.reflect().getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(m, EventListener.class)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The listeners that hear {@code event}, and of them those that need a transaction to run. */
    private static List<String> transactionalOnly(Class<?> event, List<String> hearing) {
        var offenders = new ArrayList<String>();
        for (var m : LISTENERS) {
            var listener = AnnotatedElementUtils.findMergedAnnotation(m, EventListener.class);
            var declared = listener.classes().length > 0 ? Arrays.asList(listener.classes())
                    : Arrays.asList(m.getParameterTypes());
            if (declared.stream().noneMatch(t -> t.isAssignableFrom(event))) {
                continue;
            }
            var name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
            hearing.add(name);
            var transactional = AnnotatedElementUtils.findMergedAnnotation(m, TransactionalEventListener.class);
            if (transactional != null && !transactional.fallbackExecution()) {
                offenders.add(name);
            }
        }
        return offenders;
    }

    @Test
    void everyListenerOfAReportRunsWhenItIsPublishedWithNoTransactionOpen() {
        var hearing = new ArrayList<String>();
        assertThat(transactionalOnly(CaseReported.class, hearing)).isEmpty();
        // the scan sees the platform's listeners of a report (the dashboard's cache, stream and peers, the evaluation's memo)
        assertThat(hearing).contains("DashboardCache.on", "DashboardFeed.on", "DashboardPeers.on", "RecentFacts.on");
    }

    @Test
    void theCheckFindsATransactionalListenerWhereThereIsOne() {
        // a light that turns is heard by the escalations (@TransactionalEventListener) and the notifier (module
        // listener): both need a transaction, which the check must report
        var hearing = new ArrayList<String>();
        assertThat(transactionalOnly(StageClockTurned.class, hearing)).contains("Escalations.on", "CaseNotifier.on");
    }
}
