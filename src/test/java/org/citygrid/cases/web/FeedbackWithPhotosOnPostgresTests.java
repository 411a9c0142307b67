package org.citygrid.cases.web;

import org.citygrid.support.OnPostgres;

/** Feedback with photos on the real PostgreSQL. */
@OnPostgres
class FeedbackWithPhotosOnPostgresTests extends FeedbackWithPhotosContract {
}
