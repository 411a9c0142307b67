package org.citygrid.cases;

import java.sql.Timestamp;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.citygrid.cases.internal.CaseRepository;
import org.citygrid.platform.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reports that may arrive more than once (上报幂等): a client that is not sure its report arrived (the field app's
 * offline queue, a flaky network) sends it again with the same idempotency key and gets the case the first request
 * made. The key belongs to its reporter; the table's primary key on (reporter, key) is what makes two requests at
 * the same moment yield one case: the second one's insert waits for the first and fails, its transaction (case and
 * timeline) rolls back (its drawn case number stays unused), and it answers with the first one's case.
 */
@Service
public class IdempotentReports {

    /** What clients may use as a key: 1–100 visible ASCII characters (a UUID is typical). */
    public static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final Cases cases;
    private final CaseRepository repository;
    private final JdbcClient jdbc;

    IdempotentReports(Cases cases, CaseRepository repository, JdbcClient jdbc) {
        this.cases = cases;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The case, and whether this call created it (false: the key had been used before, the first case is given). */
    public record Outcome(Case report, boolean created) {
    }

    /**
     * Reports once per (reporter, key). A key used before for a report of another class, kind or description is a
     * 422: the client mixed up its keys, and silently answering with an unrelated case would hide that.
     */
    public Outcome report(Cases.NewCase r, String key, Actor by) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new DomainException.BadRequest("Idempotency-Key", "cases.report.key-invalid");
        }
        var earlier = find(key, by);
        if (earlier.isPresent()) {
            return replay(earlier.get(), r);
        }
        try {
            return new Outcome(cases.report(r, by, c -> jdbc.sql(
                            "INSERT INTO case_report_key (reported_by, idempotency_key, case_id, created_at) "
                                    + "VALUES (?, ?, ?, ?)")
                    .params(by.username(), key, c.id().value(), Timestamp.from(c.reportedAt())).update()), true);
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            // Someone else (the same reporter's other request) claimed the key first and has committed by now.
            return find(key, by).map(c -> replay(c, r)).orElseThrow(() -> e);
        }
    }

    /** The case this person reported under the key, if any. */
    public Optional<Case> find(String key, Actor by) {
        return jdbc.sql("SELECT case_id FROM case_report_key WHERE reported_by = ? AND idempotency_key = ?")
                .params(by.username(), key).query(Long.class).optional().flatMap(repository::findById);
    }

    private static Outcome replay(Case c, Cases.NewCase r) {
        if (c.kind() != r.kind() || !c.classCode().equals(r.classCode())
                || !Objects.equals(c.description(), r.description())) {
            throw new DomainException.Invalid("Idempotency-Key", "cases.report.key-reused", c.caseNo());
        }
        return new Outcome(c, false);
    }
}
