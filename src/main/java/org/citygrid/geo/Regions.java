package org.citygrid.geo;

import java.util.Collection;
import java.util.Map;

/** Whether a code names a region the platform knows: a district, street or community, or a unit grid. */
public interface Regions {

    boolean exists(String code);

    /** How many unit grids lie in a street or community (1 for a unit grid's own code, 0 for an unknown code). */
    int unitGridCount(String code);

    /**
     * The names of the districts, streets and communities among {@code codes}, by code; codes of unit grids (which
     * have no name) and unknown codes are left out.
     */
    Map<String, String> names(Collection<String> codes);
}
