/**
 * Working calendars: working windows, official days off and make-up workdays (调休), and the deadline arithmetic of
 * every stage clock, with explanations (shared/domain/WORKFLOW.md, "Time units").
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.citygrid.calendar;
