package org.citygrid.geo;

/** A supervision grid was created or changed (its divisions or its supervisor). */
public record SupervisionGridsChanged(String code) {
}
