/**
 * Intake channels (受理渠道) in front of the case loop: the supervisors' field app ({@code field}), the 12345/12319
 * hotline console ({@code hotline}) and the public portal ({@code portal}). Each channel validates, locates and
 * classifies a report and hands it to {@link org.citygrid.cases.Cases}; the loop itself lives in {@code cases}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.citygrid.intake;
