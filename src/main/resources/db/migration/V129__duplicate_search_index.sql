-- The duplicate search (same class, within the class's radius, reported in the last 72 hours, still open) runs for
-- every report and every case view. With the class and report time only (ix_case_file_class_reported) it read every
-- case of the class in the last 72 hours: 13,000 rows and 13 ms a search after 150,000 reports of a storm, which
-- brought intake down from 500 to ~240 reports/s within minutes (docs/PERFORMANCE.md, "Report intake"). By class and
-- latitude, a search reads the cases of the class in a band as high as the radius.
CREATE INDEX ix_case_file_class_lat ON case_file (kind, class_code, lat, lon);
