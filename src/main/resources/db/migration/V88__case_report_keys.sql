-- Idempotency keys of reports (上报幂等键): a client (the field app's offline queue) sends the same key again when it
-- is not sure a report arrived. The primary key makes (reporter, key) name at most one case, even for two requests
-- at the same moment; the row is written in the same transaction as the case.
CREATE TABLE case_report_key (
    reported_by     VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    case_id         BIGINT       NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_case_report_key PRIMARY KEY (reported_by, idempotency_key)
);
