package org.citygrid.assets;

/** The inventory's persistence rules on the embedded H2 (PostgreSQL mode). */
class InventoryTests extends InventoryContract {
}
