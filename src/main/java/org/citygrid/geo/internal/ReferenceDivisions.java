package org.citygrid.geo.internal;

import java.util.ArrayList;
import java.util.List;

import org.citygrid.geo.DivisionLevel;
import org.citygrid.platform.ReferenceCsv;

/** The real NBS 2023 codes and names of Beijing's divisions (reference/divisions/*.csv) for one district. */
final class ReferenceDivisions {

    private static final String BASE = "reference/divisions/";

    record Row(String code, String name, DivisionLevel level, String parentCode) {
    }

    private ReferenceDivisions() {
    }

    /** The district, its streets and its communities, in that order. */
    static List<Row> of(String districtCode) {
        var rows = new ArrayList<Row>();
        for (var r : ReferenceCsv.read(BASE + "beijing_areas.csv")) {
            if (r.get("code").equals(districtCode)) {
                rows.add(new Row(r.get("code"), r.get("name"), DivisionLevel.DISTRICT, null));
            }
        }
        for (var r : ReferenceCsv.read(BASE + "beijing_streets.csv")) {
            if (r.get("areaCode").equals(districtCode)) {
                rows.add(new Row(r.get("code"), r.get("name"), DivisionLevel.STREET, districtCode));
            }
        }
        for (var r : ReferenceCsv.read(BASE + "beijing_villages.csv")) {
            if (r.get("areaCode").equals(districtCode)) {
                rows.add(new Row(r.get("code"), r.get("name"), DivisionLevel.COMMUNITY, r.get("streetCode")));
            }
        }
        return rows;
    }
}
