/**
 * Open311 GeoReport v2 (shared/domain/open311.md): the catalog's classes as services and cases as service requests,
 * for other systems; POSTs need an API key issued by an administrator and become cases of channel OPEN311.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.citygrid.open311;
