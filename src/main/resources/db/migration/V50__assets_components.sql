-- Component inventory (部件普查): one row per component, keyed by its 17-digit identifier (GB/T 47678.5-2026:
-- 6 county + 2 major + 3 subclass + 6 serial). The point (WGS84 lon/lat) is the representative point; a linear or
-- area component also keeps its line/polygon as WKT. The (lon, lat) index is the spatial access path on both
-- engines (no PostGIS): window and nearest queries are range scans on it.
CREATE TABLE asset_component (
    id                VARCHAR(17)      NOT NULL PRIMARY KEY,
    class_code        VARCHAR(5)       NOT NULL,
    name              VARCHAR(100)     NOT NULL,
    description       VARCHAR(500),
    state             VARCHAR(16)      NOT NULL,
    lon               DOUBLE PRECISION NOT NULL,
    lat               DOUBLE PRECISION NOT NULL,
    shape             VARCHAR,
    grid_code         VARCHAR(15)      NOT NULL,
    owner_code        VARCHAR(32),
    maintainer_code   VARCHAR(32),
    synthetic         BOOLEAN          NOT NULL DEFAULT FALSE,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INT              NOT NULL DEFAULT 0
);
CREATE INDEX ix_asset_component_grid ON asset_component (grid_code);
CREATE INDEX ix_asset_component_class ON asset_component (class_code);
CREATE INDEX ix_asset_component_lon_lat ON asset_component (lon, lat);
