-- pgbench: one report = one row of bench_case (bench/report-schema.sql), one transaction (autocommit).
\set grid random(1, 5000)
\set cls random(1, 10)
INSERT INTO bench_case (channel, kind, class_code, urgent, self_handled, handle_limit_amount, handle_limit_unit,
    lon, lat, grid_code, community_code, street_code, district_code, supervision_grid_code, description, reported_by,
    reported_at, status, updated_at, version)
VALUES ('SUPERVISOR', 'COMPONENT', '0100' || :cls, false, false, 4, 'WORK_HOURS',
    116.40 + random() * 0.04, 39.89 + random() * 0.06, '110101001001' || :grid, '110101001001', '110101001',
    '110101', '11010100101', '压测上报（load test）', 'supervisor1', now(), 'REPORTED', now(), 1);
