-- The case list (CaseQueries.search) filters by status, street, department or class and pages newest first
-- (ORDER BY reported_at DESC, id DESC), and counts the matches. On 1,000,000 cases a single-column index left
-- PostgreSQL to fetch every matching row (25,000–90,000 scattered heap pages) to sort them and take 20
-- (docs/PERFORMANCE-SCALE.md). With the order columns in the index, a page is 20 index entries read in order and the
-- count an index-only scan. Each replaces the single-column index it starts with.
DROP INDEX IF EXISTS ix_case_file_status;
DROP INDEX IF EXISTS ix_case_file_street;
DROP INDEX IF EXISTS ix_case_file_department;
DROP INDEX IF EXISTS ix_case_file_class;
CREATE INDEX ix_case_file_status_reported ON case_file (status, reported_at, id);
CREATE INDEX ix_case_file_street_reported ON case_file (street_code, reported_at, id);
CREATE INDEX ix_case_file_department_reported ON case_file (department_code, reported_at, id);
CREATE INDEX ix_case_file_class_reported ON case_file (kind, class_code, reported_at, id);
