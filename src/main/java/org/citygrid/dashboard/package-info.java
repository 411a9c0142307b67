/**
 * The command-centre dashboard (指挥大屏): live figures over every case — a map of open cases by traffic light, counts
 * per state and queue, today's intake, the overdue list, hotspots and top classes — pushed to the page by server-sent
 * events when the case loop moves. Reads through the cases module's {@link org.citygrid.cases.CaseStatistics}; the
 * department ranking of the month comes from the evaluation module ({@link org.citygrid.evaluation.MonthlyRanking}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.citygrid.dashboard;
