package org.citygrid.geo.internal;

/**
 * Something about one feature of an imported file: an error that stops the import, or a repair that was made.
 * {@code feature} is the 0-based index in the file (null for the file as a whole); the text comes from the geo bundle.
 */
public record FeatureProblem(Integer feature, String code, String messageKey, Object... arguments) {
}
