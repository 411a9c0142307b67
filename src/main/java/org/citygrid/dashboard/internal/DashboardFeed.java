package org.citygrid.dashboard.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.citygrid.cases.CaseReported;
import org.citygrid.cases.CaseTransitioned;
import org.citygrid.cases.CasesImported;
import org.citygrid.cases.StageClockTurned;
import org.citygrid.platform.AfterCommit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards' live channel: open server-sent-event streams, told "changed" when the case loop moves. Events of a
 * burst (an import's chunks, a round of the SLA monitor) are gathered for {@code debounce} and sent as one message
 * naming what happened; the pages then re-read their panels. Idle streams get a heartbeat comment so that proxies keep
 * them open and dead ones are found; a stream that fails, completes or times out is dropped.
 */
@Component
public class DashboardFeed {

    /** Runs a task once after a delay; the scheduler in production, by hand in tests. */
    @FunctionalInterface
    public interface Delay {
        void after(Duration delay, Runnable task);
    }

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final Set<String> reasons = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final DashboardSettings settings;
    private final Delay delay;

    @Autowired
    DashboardFeed(DashboardSettings settings, TaskScheduler scheduler) {
        this(settings, (d, task) -> scheduler.schedule(task, Instant.now().plus(d)));
    }

    public DashboardFeed(DashboardSettings settings, Delay delay) {
        this.settings = settings;
        this.delay = delay;
    }

    /** A new stream, greeted at once with a "hello" naming the current sequence number. */
    public SseEmitter subscribe() {
        var emitter = new SseEmitter(settings.streamTimeout().toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(emitter));
        subscribers.add(emitter);
        send(emitter, SseEmitter.event().name("hello").id(Long.toString(sequence.get()))
                .data(Map.of("seq", sequence.get()), MediaType.APPLICATION_JSON));
        return emitter;
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** The number of the last "changed" message sent. */
    public long sequence() {
        return sequence.get();
    }

    @EventListener
    void on(CaseReported e) {
        changedAfterCommit("reported");
    }

    @EventListener
    void on(CaseTransitioned e) {
        changedAfterCommit("transitioned");
    }

    @EventListener
    void on(StageClockTurned e) {
        changedAfterCommit("light");
    }

    @EventListener
    void on(CasesImported e) {
        changedAfterCommit("imported");
    }

    // Plain listeners with an after-commit callback, not @ApplicationModuleListener: a stream message needs no durable
    // record, and the publication registry cost every report an insert, an asynchronous transaction and an update
    // (see DashboardCache for why not @TransactionalEventListener either). A message lost to a crash does no harm:
    // the pages re-read on reconnect.
    private void changedAfterCommit(String reason) {
        AfterCommit.run(() -> changed(reason));
    }

    /** Notes a change; the first of a burst schedules the one message that tells about all of them. */
    public void changed(String reason) {
        reasons.add(reason);
        if (pending.compareAndSet(false, true)) {
            delay.after(settings.debounce(), this::flush);
        }
    }

    void flush() {
        pending.set(false);
        var what = new TreeSet<String>();
        for (var r : reasons) {
            reasons.remove(r);
            what.add(r);
        }
        long seq = sequence.incrementAndGet();
        var data = Map.of("seq", seq, "reasons", List.copyOf(what));
        for (var emitter : subscribers) {
            send(emitter, SseEmitter.event().name("changed").id(Long.toString(seq)).data(data,
                    MediaType.APPLICATION_JSON));
        }
    }

    @Scheduled(fixedDelayString = "${citygrid.dashboard.heartbeat:PT20S}",
            initialDelayString = "${citygrid.dashboard.heartbeat:PT20S}")
    void heartbeat() {
        for (var emitter : subscribers) {
            send(emitter, SseEmitter.event().comment("heartbeat"));
        }
    }

    /** A stream that cannot be written to is gone (the browser closed it): it is dropped, not retried. */
    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(emitter);
        }
    }
}
