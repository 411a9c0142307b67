package org.citygrid.cases;

import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.GridLocation;

/**
 * What a report says, once its class and location are resolved: the class's handling limit and urgency are copied
 * into the case so that its clocks do not change when the catalog does.
 */
public record NewReport(Channel channel, ClassKind kind, String classCode, Limit handleLimit, boolean urgent,
                        boolean selfHandled, double lon, double lat, GridLocation location, String address,
                        String description, String reporterName, String reporterPhone, String externalId) {
}
