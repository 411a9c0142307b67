-- The SLA monitor's memory per stage clock run: the deadline it watched, when that deadline's clock turns yellow,
-- and the highest light already signalled for it (0 green, 1 yellow, 2 red). A separate table, because the
-- aggregate rewrites its case_stage rows on every save. A new deadline (extension, resume) is watched afresh.
CREATE TABLE case_stage_signal (
    case_id       BIGINT      NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    stage         VARCHAR(16) NOT NULL,
    assignment_no INT         NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    yellow_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    signalled     SMALLINT    NOT NULL,
    PRIMARY KEY (case_id, stage, assignment_no, started_at)
);
