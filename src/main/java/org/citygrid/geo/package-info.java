/**
 * Where things are: administrative divisions (district, street, community), the unit grids (单元网格) that tile them,
 * and the instant point-to-grid lookup every report relies on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
package org.citygrid.geo;
