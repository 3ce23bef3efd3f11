-- Appeals against a signed decision of the competent level (regulation §3.1: "if a rating is later found to be
-- wrong, it is annulled and the person reclassified"). A member appeals their own level, an organization's secretary
-- (or evaluation staff on its behalf) the organization's, within a window counted from the day the decision was signed;
-- the competent level re-examines the case (notes) and decides: UPHELD keeps the level, CHANGED replaces it. The
-- decision itself stays as signed; what holds now is the view decided_rating.

-- Days an appeal may be filed, per cycle; no row: the property cadre.evaluation.appeal-window-days (default 30).
CREATE TABLE appeal_window
(
    cycle_id  UUID         PRIMARY KEY REFERENCES cycle (cycle_id),
    days      INT          NOT NULL CHECK (days BETWEEN 1 AND 365),
    set_by    VARCHAR(100) NOT NULL,
    set_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE appeal
(
    appeal_id        UUID          PRIMARY KEY,
    cycle_id         UUID          NOT NULL REFERENCES cycle (cycle_id),
    subject_id       UUID          NOT NULL,
    subject          VARCHAR(12)   NOT NULL CHECK (subject IN ('MEMBER', 'ORGANIZATION')),
    -- the signed decision whose item is appealed
    decision_id      UUID          NOT NULL REFERENCES decision (decision_id),
    filed_by         VARCHAR(100)  NOT NULL,
    filed_at         TIMESTAMPTZ   NOT NULL,
    grounds          VARCHAR(4000) NOT NULL,
    requested_level  VARCHAR(40),
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
    outcome          VARCHAR(12)   CHECK (outcome IN ('UPHELD', 'CHANGED')),
    -- the level that held when the appeal was filed, and the one that holds after it
    level_before     VARCHAR(40),
    level_after      VARCHAR(40),
    reason           VARCHAR(2000),
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMPTZ,
    version          INT           NOT NULL DEFAULT 0,
    CHECK ((status = 'DECIDED') = (outcome IS NOT NULL AND reason IS NOT NULL AND decided_by IS NOT NULL
        AND decided_at IS NOT NULL)),
    CHECK (outcome IS DISTINCT FROM 'CHANGED' OR level_after IS NOT NULL)
);
-- a subject has at most one undecided appeal per cycle, whatever instance files it
CREATE UNIQUE INDEX appeal_one_open_per_subject ON appeal (cycle_id, subject_id) WHERE status = 'OPEN';
CREATE INDEX appeal_cycle_idx ON appeal (cycle_id, filed_at);
CREATE INDEX appeal_subject_idx ON appeal (subject_id);

-- Every step of an appeal (filed, a note of the re-examination, decided): who, when, what. Append-only: the code has
-- no path that updates or deletes a step, and the trigger below refuses one written by hand.
CREATE TABLE appeal_step
(
    appeal_id  UUID          NOT NULL REFERENCES appeal (appeal_id),
    seq        INT           NOT NULL,
    kind       VARCHAR(12)   NOT NULL CHECK (kind IN ('FILED', 'NOTE', 'DECIDED')),
    done_by    VARCHAR(100)  NOT NULL,
    done_at    TIMESTAMPTZ   NOT NULL,
    text       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (appeal_id, seq)
);

CREATE FUNCTION appeal_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'appeal_step is append-only';
END;
$$;
CREATE TRIGGER appeal_step_append_only BEFORE UPDATE OR DELETE ON appeal_step
    FOR EACH ROW EXECUTE FUNCTION appeal_step_append_only();

-- The level that holds for each subject of a signed decision: the latest CHANGED appeal's, else the item's.
CREATE VIEW decided_rating AS
SELECT d.cycle_id, i.subject_id, i.subject,
       COALESCE(a.level_after, i.level) AS level,
       CASE WHEN a.appeal_id IS NULL THEN 'DECISION' ELSE 'APPEAL' END AS source
FROM decision d
JOIN decision_item i ON i.decision_id = d.decision_id
LEFT JOIN LATERAL (SELECT x.appeal_id, x.level_after FROM appeal x
                   WHERE x.cycle_id = d.cycle_id AND x.subject_id = i.subject_id AND x.outcome = 'CHANGED'
                   ORDER BY x.decided_at DESC LIMIT 1) a ON TRUE
WHERE d.status = 'SIGNED';
