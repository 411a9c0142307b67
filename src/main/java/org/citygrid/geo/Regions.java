package org.citygrid.geo;

/** Whether a code names a region the platform knows: a district, street or community, or a unit grid. */
public interface Regions {

    boolean exists(String code);
}
