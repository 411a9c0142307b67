package org.citygrid.catalog;

import java.util.List;

/**
 * A class of the catalog as other modules read it: an immutable snapshot. Identified by {@link #kind()} and
 * {@link #code()} together.
 */
public record CatalogClass(ClassKind kind, String code, String majorCode, String majorName, String name,
                           String nameEn, HandleLimit handleLimit, HandleLimitSource handleLimitSource,
                           String handleLimitBasis, String defaultDepartmentCode, boolean urgent,
                           String filingCriteria, String closingCriteria, int duplicateRadiusMeters,
                           List<String> legacyCodes, int version) {

    public CatalogClass {
        legacyCodes = List.copyOf(legacyCodes);
    }
}
