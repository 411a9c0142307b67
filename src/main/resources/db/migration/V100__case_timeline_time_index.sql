-- Evaluation reads the cases touched in a period by one range scan over the timeline's times (CaseFacts).
CREATE INDEX ix_case_timeline_occurred_at ON case_timeline (occurred_at, case_id);
