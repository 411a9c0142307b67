/**
 * Departments and the people who work in them: who may act in which step of the closed loop (roles), and for which
 * department. Authentication reads its accounts from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.citygrid.org;
