package org.citygrid.assets;

/**
 * What other modules need to know about one component: its 17-digit identifier, class, where it is, its state and the
 * departments that own and maintain it (either may be unknown).
 */
public record ComponentSummary(String id, String classCode, String name, String state, double lon, double lat,
                               String gridCode, String ownerDepartmentCode, String maintainerDepartmentCode) {
}
