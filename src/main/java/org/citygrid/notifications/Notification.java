package org.citygrid.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One notification for one person. The text is rendered when read, in the reader's language, from
 * {@code messageKey} and {@code args}; an argument written {@code #key} is itself a message key (e.g. a stage name).
 */
@Table("notification")
public class Notification {

    /** Separates the stored arguments (a control character no argument contains). */
    static final String SEPARATOR = "\u001f";

    @Id
    private Long id;
    private String username;
    private NotificationKind kind;
    private String messageKey;
    private String args;
    private Long caseId;
    private String caseNo;
    private Instant createdAt;
    private Instant readAt;
    @Version
    private int version;

    @PersistenceCreator
    Notification(Long id, String username, NotificationKind kind, String messageKey, String args, Long caseId,
                 String caseNo, Instant createdAt, Instant readAt, int version) {
        this.id = id;
        this.username = username;
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args;
        this.caseId = caseId;
        this.caseNo = caseNo;
        this.createdAt = createdAt;
        this.readAt = readAt;
        this.version = version;
    }

    static Notification of(String username, NotificationKind kind, Long caseId, String caseNo, Instant at,
                           List<String> args) {
        return new Notification(null, username, kind, kind.messageKey(), String.join(SEPARATOR, args), caseId,
                caseNo, at, null, 0);
    }

    /** Marks it read; reading it again keeps the first time. */
    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public List<String> arguments() {
        return args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
    }

    public Long id() { return id; }
    public String username() { return username; }
    public NotificationKind kind() { return kind; }
    public String messageKey() { return messageKey; }
    public Long caseId() { return caseId; }
    public String caseNo() { return caseNo; }
    public Instant createdAt() { return createdAt; }
    public Instant readAt() { return readAt; }
    public boolean isRead() { return readAt != null; }
    public int version() { return version; }
}
