-- Call-backs (回访) after closure: at most one per case (the primary key makes a second one a conflict); an
-- unsatisfied call-back names the linked case it reopened the problem as.
CREATE TABLE hotline_callback (
    case_id          BIGINT       NOT NULL PRIMARY KEY,
    case_no          VARCHAR(16)  NOT NULL,
    satisfaction     VARCHAR(24)  NOT NULL,
    note             VARCHAR(1000),
    called_by        VARCHAR(64)  NOT NULL,
    called_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reopened_case_id BIGINT,
    reopened_case_no VARCHAR(16)
);
CREATE INDEX ix_hotline_callback_reopened ON hotline_callback (reopened_case_id);
