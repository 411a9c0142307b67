package org.citygrid.evaluation;

/** The evaluation acceptance on the embedded H2 (PostgreSQL mode). */
class EvaluationTests extends EvaluationContract {
}
