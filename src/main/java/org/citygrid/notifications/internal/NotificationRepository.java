package org.citygrid.notifications.internal;

import java.time.OffsetDateTime;

import org.citygrid.notifications.Notification;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The notifications of a person, newest first through the caller's {@link Pageable}. */
public interface NotificationRepository extends ListCrudRepository<Notification, Long> {

    Page<Notification> findByUsername(String username, Pageable pageable);

    Page<Notification> findByUsernameAndReadAtIsNull(String username, Pageable pageable);

    long countByUsernameAndReadAtIsNull(String username);

    @Modifying
    @Query("UPDATE notification SET read_at = :at, version = version + 1 WHERE username = :username"
            + " AND read_at IS NULL")
    int markAllRead(@Param("username") String username, @Param("at") OffsetDateTime at);
}
