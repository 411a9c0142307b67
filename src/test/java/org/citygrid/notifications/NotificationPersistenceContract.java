package org.citygrid.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.citygrid.platform.DomainException;
import org.citygrid.platform.web.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The notifications' persistence rules; run on H2 and on PostgreSQL by the two subclasses. */
@SpringBootTest
abstract class NotificationPersistenceContract {

    @Autowired
    Notifications notifications;

    private static String someone() {
        return "u" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void eachRecipientGetsOneNotificationWithItsArgumentsKept() {
        var a = someone();
        var b = someone();
        var saved = notifications.notify(List.of(a, b, a), NotificationKind.URGED, 42L, "2026112300001",
                List.of("2026112300001", "#cases.action.URGE", "请尽快"));

        assertThat(saved).extracting(Notification::username).containsExactly(a, b);
        var mine = notifications.list(a, false, new Paging(0, 20));
        assertThat(mine.total()).isEqualTo(1);
        var n = mine.items().getFirst();
        assertThat(n.kind()).isEqualTo(NotificationKind.URGED);
        assertThat(n.messageKey()).isEqualTo("notifications.message.URGED");
        assertThat(n.arguments()).containsExactly("2026112300001", "#cases.action.URGE", "请尽快");
        assertThat(n.caseId()).isEqualTo(42L);
        assertThat(n.readAt()).isNull();
    }

    @Test
    void aListIsOnePersonsNewestFirstAndPaged() {
        var me = someone();
        for (int i = 1; i <= 5; i++) {
            notifications.notify(List.of(me), NotificationKind.DISPATCHED, (long) i, "N" + i, List.of("N" + i));
        }
        notifications.notify(List.of(someone()), NotificationKind.DISPATCHED, 9L, "X", List.of("X"));

        var first = notifications.list(me, false, new Paging(0, 2));
        var last = notifications.list(me, false, new Paging(2, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(Notification::caseNo).containsExactly("N5", "N4");
        assertThat(last.items()).extracting(Notification::caseNo).containsExactly("N1");
    }

    @Test
    void readingCountsDownTheUnreadAndReadAllMarksTheRest() {
        var me = someone();
        var saved = notifications.notify(List.of(me), NotificationKind.REQUEST, 1L, "A", List.of("A"));
        notifications.notify(List.of(me), NotificationKind.REQUEST, 2L, "B", List.of("B"));
        notifications.notify(List.of(me), NotificationKind.REQUEST, 3L, "C", List.of("C"));
        assertThat(notifications.unreadCount(me)).isEqualTo(3);

        var read = notifications.markRead(saved.getFirst().id(), me);
        assertThat(read.readAt()).isNotNull();
        assertThat(notifications.markRead(saved.getFirst().id(), me).readAt()).isEqualTo(read.readAt());
        assertThat(notifications.unreadCount(me)).isEqualTo(2);
        assertThat(notifications.list(me, true, new Paging(0, 20)).items()).extracting(Notification::caseNo)
                .containsExactly("C", "B");

        assertThat(notifications.markAllRead(me)).isEqualTo(2);
        assertThat(notifications.unreadCount(me)).isZero();
        assertThat(notifications.list(me, true, new Paging(0, 20)).total()).isZero();
    }

    @Test
    void anotherPersonsNotificationIsNotFoundAndStaysUnread() {
        var owner = someone();
        var saved = notifications.notify(List.of(owner), NotificationKind.URGED, 1L, "A", List.of("A"));

        assertThatThrownBy(() -> notifications.markRead(saved.getFirst().id(), someone()))
                .isInstanceOf(DomainException.NotFound.class);
        assertThat(notifications.unreadCount(owner)).isEqualTo(1);
    }
}
