package org.citygrid.cases.internal.history;

import java.util.List;

import org.citygrid.platform.ReferenceCsv;

/**
 * The LA 311 sample as the demo history uses it ({@code reference/demo-history/la311_derived.csv}, derived by
 * {@code bench/derive-la311.py} from the 8,246 requests with coordinates of City of Los Angeles "MyLA311 Service
 * Request Data", 2017-12-27..31): per request its type, channel, minute of the day, point normalised to the sample's
 * bounding box, and the rank quantile of its time to close within its type.
 */
record LaSample(List<Request> requests) {

    static final String LOCATION = "reference/demo-history/la311_derived.csv";

    /** One LA request: {@code x}/{@code y} in [0,1] west→east/south→north, {@code q} the close-time quantile. */
    record Request(String type, String source, int minute, double x, double y, double q, String status) {
    }

    LaSample {
        requests = List.copyOf(requests);
    }

    static LaSample load() {
        return new LaSample(ReferenceCsv.read(LOCATION).stream().map(r -> new Request(r.get("type"), r.get("source"),
                Integer.parseInt(r.get("minute")), Double.parseDouble(r.get("x")), Double.parseDouble(r.get("y")),
                Double.parseDouble(r.get("q")), r.get("status"))).toList());
    }
}
