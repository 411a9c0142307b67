package org.citygrid.cases;

import java.time.Instant;

/**
 * A routing rule said "dispatch automatically" but the dispatch was refused (e.g. a person changed the case at the
 * same moment, or the department can no longer take cases): the case stays filed, waiting in PENDING_DISPATCH, and
 * the dispatchers are told so they dispatch it by hand. {@code problemKey} is the refusal's message key.
 */
public record AutoDispatchFailed(CaseId caseId, String caseNo, long ruleId, String departmentCode, String problemKey,
                                 Instant at) {
}
