-- Unit grids imported from GeoJSON may carry a name (generated grids have none).
ALTER TABLE geo_unit_grid ADD COLUMN name VARCHAR(100);
