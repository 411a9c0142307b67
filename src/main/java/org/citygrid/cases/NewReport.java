package org.citygrid.cases;

import org.citygrid.catalog.ClassKind;
import org.citygrid.geo.GridLocation;

/**
 * What a report says, once its class and location are resolved: the class's handling limit and urgency are copied
 * into the case so that its clocks do not change when the catalog does. {@code componentId} is the 17-digit
 * identifier of the component the case is about, if it names one (checked by the caller).
 */
public record NewReport(Channel channel, ClassKind kind, String classCode, Limit handleLimit, boolean urgent,
                        boolean selfHandled, double lon, double lat, GridLocation location, String address,
                        String description, String reporterName, String reporterPhone, String externalId,
                        String componentId) {

    /** A report that names no component (部件). */
    public NewReport(Channel channel, ClassKind kind, String classCode, Limit handleLimit, boolean urgent,
                     boolean selfHandled, double lon, double lat, GridLocation location, String address,
                     String description, String reporterName, String reporterPhone, String externalId) {
        this(channel, kind, classCode, handleLimit, urgent, selfHandled, lon, lat, location, address, description,
                reporterName, reporterPhone, externalId, null);
    }
}
