-- Evaluation configuration (weights, count tables, grade bands, minimum sample): one row per setting; missing rows
-- mean the defaults of shared/domain/EVALUATION.md.
CREATE TABLE evaluation_setting (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(500) NOT NULL,
    updated_by VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
