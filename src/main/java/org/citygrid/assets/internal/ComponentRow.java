package org.citygrid.assets.internal;

/** One component as an import or the demo writes it: checked, located and in WGS84. */
record ComponentRow(String id, String classCode, String name, String description, ComponentState state, double lon,
                    double lat, String shape, String gridCode, String ownerDepartmentCode,
                    String maintainerDepartmentCode, boolean synthetic) {
}
