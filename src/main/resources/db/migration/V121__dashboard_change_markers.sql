-- Dashboards of several application nodes on one database: each node counts, in its own row, the case changes it has
-- committed (debounced to at most one write per poll interval), and every node polls the others' rows to learn of
-- changes made elsewhere: it then forgets its cached figures and tells its live streams (docs/PERFORMANCE-TWO-NODES.md).
CREATE TABLE dashboard_change (
    node       VARCHAR(100) NOT NULL PRIMARY KEY,
    seq        BIGINT       NOT NULL,
    reasons    VARCHAR(200) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
