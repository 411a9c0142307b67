package org.citygrid.notifications.internal;

import java.util.List;

import org.citygrid.cases.Stage;
import org.citygrid.org.OrgDirectory;
import org.citygrid.org.Person;
import org.citygrid.org.Role;
import org.springframework.stereotype.Component;

/**
 * Who is responsible for what, from the org directory: enabled people only, never the system account. The people of a
 * stage are those whose action ends it (WORKFLOW.md, transitions).
 */
@Component
public class Recipients {

    private final OrgDirectory org;

    Recipients(OrgDirectory org) {
        this.org = org;
    }

    /**
     * ACCEPT → operators; VERIFY → the tasked supervisor; FILE → shift leads; DISPATCH → dispatchers; RECEIVE and
     * HANDLE → the assigned department's handlers; CHECK → the tasked supervisor; CLOSE → shift leads. Where a tasked
     * supervisor is missing the operators (who task them) are told instead.
     */
    public List<String> forStage(Stage stage, String departmentCode, String supervisor) {
        return switch (stage) {
            case ACCEPT -> withRole(Role.OPERATOR);
            case VERIFY, CHECK -> supervisor != null ? List.of(supervisor) : withRole(Role.OPERATOR);
            case FILE, CLOSE -> withRole(Role.SHIFT_LEAD);
            case DISPATCH -> withRole(Role.DISPATCHER);
            case RECEIVE, HANDLE -> handlersOf(departmentCode);
        };
    }

    public List<String> withRole(Role role) {
        return org.peopleWithRole(role).stream().filter(Recipients::reachable).map(Person::username).toList();
    }

    public List<String> handlersOf(String departmentCode) {
        if (departmentCode == null) {
            return List.of();
        }
        return org.peopleWithRole(Role.DEPT_HANDLER).stream()
                .filter(p -> reachable(p) && departmentCode.equals(p.departmentCode()))
                .map(Person::username).toList();
    }

    private static boolean reachable(Person p) {
        return p.enabled() && !Person.SYSTEM_USERNAME.equals(p.username());
    }
}
