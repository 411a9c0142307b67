package org.citygrid.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citygrid.cases.internal.CaseRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only access to cases for public feeds such as Open311: no viewer, so callers must only publish what is public
 * (never the reporter's name or phone). Selection and paging happen in SQL; the page's cases are loaded by id.
 */
@Service
public class CaseFeed {

    private final JdbcClient jdbc;
    private final CaseRepository repository;

    CaseFeed(JdbcClient jdbc, CaseRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Optional<Case> byId(long id) {
        return repository.findById(id);
    }

    /** The selected cases, newest report first (then highest id). */
    @Transactional(readOnly = true)
    public List<Case> find(FeedQuery q) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!q.ids().isEmpty()) {
            where.add("c.id IN (:ids)");
            params.put("ids", q.ids());
        } else {
            selection(q, where, params);
        }
        var sql = new StringBuilder("SELECT c.id FROM case_file c");
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY c.reported_at DESC, c.id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        var spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        List<Long> ids = spec.query(Long.class).list();
        Map<Long, Case> byId = repository.findAllById(ids).stream()
                .collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    private static void selection(FeedQuery q, List<String> where, Map<String, Object> params) {
        if (!q.classes().isEmpty()) {
            var any = new ArrayList<String>();
            for (int i = 0; i < q.classes().size(); i++) {
                any.add("(c.kind = :kind" + i + " AND c.class_code = :code" + i + ")");
                params.put("kind" + i, q.classes().get(i).kind().name());
                params.put("code" + i, q.classes().get(i).code());
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        if (q.from() != null) {
            where.add("c.reported_at >= :from");
            params.put("from", utc(q.from()));
        }
        if (q.to() != null) {
            where.add("c.reported_at <= :to");
            params.put("to", utc(q.to()));
        }
        if (q.open() != null) {
            var closed = java.util.Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen()).map(Enum::name).toList();
            where.add("c.status " + (q.open() ? "NOT IN" : "IN") + " (:closed)");
            params.put("closed", closed);
        }
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
