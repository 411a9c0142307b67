package org.citygrid.geo;

/** Divisions were created, renamed or reshaped (imported, or the demo's synthetic partition); {@code count} of them. */
public record DivisionsChanged(int count) {
}
