/**
 * In-app notifications (站内通知): one per recipient, raised by the case loop's events (dispatch, tasks, requests,
 * urges) and by the SLA monitor's yellow and red lights; read through the bell in the header and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.citygrid.notifications;
