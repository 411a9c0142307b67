-- The running clocks (not ended, not paused) are read by the dashboard's lights and overdue list, the case list's
-- overdue filter and the SLA monitor. With 7,000,000 clock rows, fetching the few thousand running ones from the
-- table cost one scattered page read each (docs/PERFORMANCE-SCALE.md); with the clock's key columns in the index the
-- running clocks are an index-only scan. Replaces the index it extends.
DROP INDEX IF EXISTS ix_case_stage_running;
CREATE INDEX ix_case_stage_running_clock ON case_stage (ended_at, paused_at, deadline, case_id, stage, assignment_no,
    started_at);
