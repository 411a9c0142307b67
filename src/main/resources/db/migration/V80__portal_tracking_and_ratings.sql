-- The public portal (intake.portal): tracking codes handed to citizens, and their one satisfaction rating each.
-- case_id names a case of the cases module by id only (no foreign key: modules keep to their own tables).
CREATE TABLE portal_tracking (
    code        VARCHAR(12)              NOT NULL PRIMARY KEY,
    case_id     BIGINT                   NOT NULL,
    -- true when the citizen added their photo to an existing report instead of filing a new one
    joined      BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_portal_tracking_case ON portal_tracking (case_id);

CREATE TABLE portal_rating (
    code        VARCHAR(12)              NOT NULL PRIMARY KEY REFERENCES portal_tracking (code),
    case_id     BIGINT                   NOT NULL,
    rating      VARCHAR(24)              NOT NULL,
    comment     VARCHAR(500),
    rated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_portal_rating_case ON portal_rating (case_id);
