-- pgbench: one report = the writes a CityGrid report makes at least, in one transaction: the case row, its first
-- timeline entry, its first stage clock (ACCEPT) and one event publication-like row (bench/report-schema.sql).
\set grid random(1, 5000)
\set cls random(1, 10)
BEGIN;
INSERT INTO bench_case (channel, kind, class_code, urgent, self_handled, handle_limit_amount, handle_limit_unit,
    lon, lat, grid_code, community_code, street_code, district_code, supervision_grid_code, description, reported_by,
    reported_at, status, updated_at, version)
VALUES ('SUPERVISOR', 'COMPONENT', '0100' || :cls, false, false, 4, 'WORK_HOURS',
    116.40 + random() * 0.04, 39.89 + random() * 0.06, '110101001001' || :grid, '110101001001', '110101001',
    '110101', '11010100101', '压测上报（load test）', 'supervisor1', now(), 'REPORTED', now(), 1)
RETURNING id AS case_id \gset
INSERT INTO bench_case_timeline (case_id, seq, occurred_at, action, actor, from_status, to_status)
VALUES (:case_id, 1, now(), 'report', 'supervisor1', NULL, 'REPORTED');
INSERT INTO bench_case_stage (case_id, seq, stage, assignment_no, started_at, limit_amount, limit_unit, deadline)
VALUES (:case_id, 1, 'ACCEPT', 0, now(), 10, 'WORK_MINUTES', now() + interval '10 minutes');
INSERT INTO bench_event (id, listener_id, event_type, serialized_event, publication_date)
VALUES (gen_random_uuid(), 'org.citygrid.dashboard.DashboardCache.on', 'org.citygrid.cases.CaseReported',
    '{"caseId":' || :case_id || ',"caseNo":"x","classCode":"01001"}', now());
COMMIT;
