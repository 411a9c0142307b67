/**
 * Where each person lands after signing in: one workbench per role of the closed loop. The pages grow as the
 * modules that own each step (cases, intake, evaluation, dashboard) land.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbenches")
package org.citygrid.workbench;
