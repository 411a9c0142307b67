-- One row counting committed changes of the spatial base (divisions, unit grids, supervision grids, address points):
-- every node compares it with the count it last saw and rebuilds its in-memory grid index and gazetteer when another
-- node changed them (geo.internal.GeoRevision).
CREATE TABLE geo_revision (
    id       INT    NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO geo_revision (id, revision) VALUES (1, 0);
