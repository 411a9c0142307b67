-- Component clusters (ComponentStore.clusters) read lon, lat and synthetic of every component in the map's window.
-- With 5,000,000 components a 4 km window holds ~80,000 of them, and fetching each from the table (scattered pages)
-- took seconds (docs/PERFORMANCE-SCALE.md). With synthetic in the index the window is an index-only scan. Replaces
-- the (lon, lat) index, which it starts with (window and nearest queries use it the same way).
DROP INDEX IF EXISTS ix_asset_component_lon_lat;
CREATE INDEX ix_asset_component_lon_lat_synthetic ON asset_component (lon, lat, synthetic);
