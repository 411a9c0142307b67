package org.citygrid.intake.hotline;

/** The hotline persistence rules on H2. */
class HotlinePersistenceTests extends HotlinePersistenceContract {
}
