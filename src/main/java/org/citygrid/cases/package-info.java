/**
 * The closed loop: a case from report to closure through one declarative transition table, with its timeline,
 * stage clocks, traffic light and the role rules of shared/domain/WORKFLOW.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.citygrid.cases;
