package org.citygrid.intake.hotline;

import org.citygrid.cases.ReporterPrivacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.citygrid.cases.Actor;
import org.citygrid.cases.Case;
import org.citygrid.cases.DuplicateCandidate;
import org.springframework.context.MessageSource;

/** What the API and the pages show of calls and call-backs: callers masked for all but {@link ReporterPrivacy#SEE_CONTACT}. */
final class HotlineViews {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HotlineViews() {
    }

    record CandidateView(long caseId, String caseNo, String status, int distanceMeters, OffsetDateTime reportedAt) {
    }

    record TakenView(long callId, String outcome, long caseId, String caseNo, String classCode, String gridCode,
                     String callerName, String callerPhone, OffsetDateTime replyBy, String replyScript,
                     List<CandidateView> duplicateCandidates) {
    }

    record CallView(long id, long caseId, String caseNo, String outcome, String callerName, String callerPhone,
                    String address, String description, String takenBy, OffsetDateTime takenAt) {
    }

    record PendingView(long caseId, String caseNo, String kind, String classCode, String address, String callerName,
                       String callerPhone, OffsetDateTime reportedAt, OffsetDateTime closedAt) {
    }

    record CallbackView(long caseId, String caseNo, String satisfaction, String satisfactionLabel, String note,
                        String calledBy, OffsetDateTime calledAt, Long reopenedCaseId, String reopenedCaseNo) {
    }

    record SuggestionView(String kind, String code, String name, double score, List<String> matched) {
    }

    static OffsetDateTime time(Instant t, ZoneId zone) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime();
    }

    static String minutes(Instant t, ZoneId zone) {
        return t == null ? "" : MINUTES.format(t.atZone(zone));
    }

    static CandidateView candidate(DuplicateCandidate d, ZoneId zone) {
        return new CandidateView(d.id().value(), d.caseNo(), d.status().name(), d.distanceMeters(),
                time(d.reportedAt(), zone));
    }

    static TakenView taken(Hotline.Taken t, String script, Actor viewer, ZoneId zone) {
        var call = t.call();
        return new TakenView(call.id(), call.outcome().name(), call.caseId(), call.caseNo(), t.aCase().classCode(),
                t.aCase().gridCode(), ReporterPrivacy.name(call.callerName(), viewer),
                ReporterPrivacy.phone(call.callerPhone(), viewer), time(t.replyBy(), zone), script,
                t.duplicates().stream().map(d -> candidate(d, zone)).toList());
    }

    static CallView call(HotlineCall c, Actor viewer, ZoneId zone) {
        return new CallView(c.id(), c.caseId(), c.caseNo(), c.outcome().name(), ReporterPrivacy.name(c.callerName(), viewer),
                ReporterPrivacy.phone(c.callerPhone(), viewer), c.address(), c.description(), c.takenBy(),
                time(c.takenAt(), zone));
    }

    static PendingView pending(Case c, Actor viewer, ZoneId zone) {
        return new PendingView(c.id().value(), c.caseNo(), c.kind().name(), c.classCode(), c.address(),
                ReporterPrivacy.name(c.reporterName(), viewer), ReporterPrivacy.phone(c.reporterPhone(), viewer),
                time(c.reportedAt(), zone), time(c.closedAt(), zone));
    }

    static CallbackView callback(Callback b, MessageSource messages, Locale locale, ZoneId zone) {
        return new CallbackView(b.caseId(), b.caseNo(), b.satisfaction().name(),
                messages.getMessage(b.satisfaction().messageKey(), null, locale), b.note(), b.calledBy(),
                time(b.calledAt(), zone), b.reopenedCaseId(), b.reopenedCaseNo());
    }

    static SuggestionView suggestion(ClassSuggester.Suggestion s) {
        return new SuggestionView(s.kind().name(), s.code(), s.name(), s.score(), s.matched());
    }

    /** 答复口径: what the operator tells the caller before hanging up. */
    static String script(Hotline.Taken t, String className, MessageSource messages, Locale locale, ZoneId zone) {
        if (t.call().outcome() == CallOutcome.ADDED_TO_CASE) {
            return messages.getMessage("hotline.script.added", new Object[] {t.call().caseNo(),
                    minutes(t.replyBy(), zone)}, locale);
        }
        return messages.getMessage("hotline.script.new", new Object[] {className, t.call().caseNo(),
                minutes(t.replyBy(), zone)}, locale);
    }
}
