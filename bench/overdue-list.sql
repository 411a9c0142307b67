-- The case list's overdue filter at 1,000,000 cases (docs/PERFORMANCE-SCALE.md, "What limits each figure"). Run on an
-- empty database that has CityGrid's schema (start the application once on it with the postgres profile, or
-- `pg_dump -s` another CityGrid database into it), then compare the two forms with EXPLAIN (ANALYZE, BUFFERS):
--   psql -d <db> -f bench/overdue-list.sql
-- The last statement moves the overdue cases to the older half of the year, the shape that misled the planner.
-- 1,000,000 cases over a year (one every 30 s, newest = highest id), 1 in 67 still open (IN_PROGRESS) with a running
-- clock whose deadline is 3 days after the report; three clock rows per case.
INSERT INTO case_file (id, case_no, channel, kind, class_code, urgent, self_handled, handle_limit_amount,
                       handle_limit_unit, lon, lat, grid_code, street_code, description, reported_by, reported_at,
                       status, department_code, updated_at, version)
SELECT g, 'B' || g, 'SUPERVISOR', 'COMPONENT', '01001', false, false, 3, 'WORK_DAYS', 116.4, 39.9,
       '110101001001' || lpad((g % 1000)::text, 3, '0'), '110101001', 'synthetic', 'supervisor' || (g % 5 + 1),
       now() - ((1000000 - g) * interval '30 seconds'),
       CASE WHEN hashint4(g) % 67 = 0 THEN 'IN_PROGRESS' ELSE 'CLOSED' END, 'water', now(), 1
FROM generate_series(1, 1000000) g;
INSERT INTO case_stage (case_id, seq, stage, assignment_no, started_at, limit_amount, limit_unit, deadline, ended_at)
SELECT c.id, s, 'HANDLE', 0, c.reported_at, 3, 'WORK_DAYS', c.reported_at + interval '3 days',
       CASE WHEN s < 2 OR c.status = 'CLOSED' THEN c.reported_at + interval '1 hour' END
FROM case_file c, generate_series(0, 2) s;
SELECT setval(pg_get_serial_sequence('case_file', 'id'), 1000001);
VACUUM ANALYZE case_file;
VACUUM ANALYZE case_stage;
UPDATE case_stage SET deadline = now() + interval '30 days' WHERE ended_at IS NULL AND case_id > 500000;
VACUUM ANALYZE case_stage;
