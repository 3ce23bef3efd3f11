-- Every change of a cycle's status (closed, reopened) with who made it, when and, for a reopening, why: the cycle's
-- page shows it as the cycle's history. Rows are only ever added.

CREATE TABLE cycle_status_change
(
    change_id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cycle_id    UUID          NOT NULL REFERENCES cycle (cycle_id),
    status      VARCHAR(20)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    changed_by  VARCHAR(100)  NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL,
    -- required when reopening (an administrator says why), none when closing
    reason      VARCHAR(1000),
    CHECK (status = 'CLOSED' OR reason IS NOT NULL)
);
CREATE INDEX cycle_status_change_cycle ON cycle_status_change (cycle_id, changed_at);
