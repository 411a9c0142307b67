-- Open311: what a POST said beyond the case itself (the case lives in the cases module; case_id is its id, checked by
-- the application, not by a foreign key across modules), and the token that names it.
CREATE TABLE open311_request (
    case_id     BIGINT       NOT NULL PRIMARY KEY,
    token       VARCHAR(40)  NOT NULL,
    api_key_id  BIGINT       NOT NULL REFERENCES open311_api_key (id),
    email       VARCHAR(254),
    device_id   VARCHAR(100),
    account_id  VARCHAR(100),
    media_url   VARCHAR(2000),
    address_id  VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_open311_request_token UNIQUE (token)
);
