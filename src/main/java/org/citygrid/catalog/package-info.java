/**
 * The classification of cases (GB/T 47678.5-2026 management components and matters, with the legacy CJ/T 214-2007
 * codes mapped onto them) and, per class, what the closed loop needs: the handling time limit, the default
 * department, urgency, filing and closing criteria and the duplicate radius.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.citygrid.catalog;
