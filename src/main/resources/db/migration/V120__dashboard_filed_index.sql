-- The dashboard's hotspots and top classes count the cases filed in a recent period: find the period's file (and
-- self-handled accept) entries of the timeline by action and time instead of scanning the whole timeline.
CREATE INDEX ix_case_timeline_action_at ON case_timeline (action, occurred_at);
