/**
 * The component inventory (部件普查): every manhole cover, lamp, bin and tree with its 17-digit identifier, location,
 * state and the departments that own and maintain it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets")
package org.citygrid.assets;
