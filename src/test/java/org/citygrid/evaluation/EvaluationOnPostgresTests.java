package org.citygrid.evaluation;

import org.citygrid.support.OnPostgres;

/** The same hand-made month, the same numbers, on the real PostgreSQL. */
@OnPostgres
class EvaluationOnPostgresTests extends EvaluationContract {
}
