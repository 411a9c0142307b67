package org.citygrid.cases;

import java.util.List;

/**
 * 派遣建议: the department routing suggests for a case, where the suggestion comes from and why (a sentence in the
 * reader's language), and the other departments that were candidates, in the policy's order. Without a suggestion
 * the department and source are null and the reason says why there is none.
 */
public record DispatchSuggestion(String departmentCode, String departmentName, RoutingSource source, Long ruleId,
                                 boolean autoDispatch, String reason, List<Alternative> alternatives) {

    public DispatchSuggestion {
        alternatives = List.copyOf(alternatives);
    }

    /** Another candidate department, with its own source and reason. */
    public record Alternative(String departmentCode, String departmentName, RoutingSource source, Long ruleId,
                              String reason) {
    }

    public boolean present() {
        return departmentCode != null;
    }
}
