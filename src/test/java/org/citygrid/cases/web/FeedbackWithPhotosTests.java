package org.citygrid.cases.web;

/** Feedback with photos on H2. */
class FeedbackWithPhotosTests extends FeedbackWithPhotosContract {
}
