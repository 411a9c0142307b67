package org.citygrid.notifications;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.citygrid.notifications.internal.NotificationRepository;
import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.PageResult;
import org.citygrid.platform.web.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notifications: raising them (one row per recipient) and reading them. Nobody sees another's: a
 * notification of someone else is a 404, like one that does not exist.
 */
@Service
public class Notifications {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final NotificationRepository repository;
    private final Clock clock;

    Notifications(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One notification per distinct recipient; {@code args} fill the kind's message. */
    @Transactional
    public List<Notification> notify(Collection<String> usernames, NotificationKind kind, Long caseId, String caseNo,
                                     List<String> args) {
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var rows = usernames.stream().distinct().map(u -> Notification.of(u, kind, caseId, caseNo, at, args))
                .toList();
        return repository.saveAll(rows);
    }

    @Transactional(readOnly = true)
    public PageResult<Notification> list(String username, boolean unreadOnly, Paging paging) {
        var request = PageRequest.of(paging.page(), paging.size(), NEWEST_FIRST);
        var page = unreadOnly ? repository.findByUsernameAndReadAtIsNull(username, request)
                : repository.findByUsername(username, request);
        return new PageResult<>(page.getContent(), paging.page(), paging.size(), page.getTotalElements());
    }

    @Transactional(readOnly = true)
    public long unreadCount(String username) {
        return repository.countByUsernameAndReadAtIsNull(username);
    }

    @Transactional
    public Notification markRead(long id, String username) {
        var n = repository.findById(id).filter(x -> x.username().equals(username))
                .orElseThrow(() -> new DomainException.NotFound("notifications.not-found", id));
        if (n.isRead()) {
            return n;
        }
        n.markRead(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return repository.save(n);
    }

    /** Marks every unread notification of the person read; how many were. */
    @Transactional
    public int markAllRead(String username) {
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        return repository.markAllRead(username, at);
    }
}
