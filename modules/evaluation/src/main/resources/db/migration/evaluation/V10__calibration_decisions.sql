-- The committee's choice on each quota case of a run (calibration_case, V3): who keeps the level, with the reason and,
-- when it voted, the votes; everyone else proposed for the level moves down one level (calibration_move). A case
-- belongs to one run: a new run opens its own cases, and the choices made on an earlier run stay as its history.

CREATE TABLE calibration_decision
(
    case_id        UUID          PRIMARY KEY REFERENCES calibration_case (case_id) ON DELETE CASCADE,
    run_id         UUID          NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,
    reason         VARCHAR(2000) NOT NULL,
    -- null when the committee did not vote (the regulation leaves the way of choosing to it)
    votes_for      INT CHECK (votes_for BETWEEN 0 AND 10000),
    votes_against  INT CHECK (votes_against BETWEEN 0 AND 10000),
    votes_abstain  INT CHECK (votes_abstain BETWEEN 0 AND 10000),
    decided_by     VARCHAR(100)  NOT NULL,
    decided_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX calibration_decision_run_idx ON calibration_decision (run_id);

-- who the committee chose to keep the level
CREATE TABLE calibration_keeper
(
    case_id     UUID NOT NULL REFERENCES calibration_decision (case_id) ON DELETE CASCADE,
    subject_id  UUID NOT NULL,
    PRIMARY KEY (case_id, subject_id)
);

-- who moved down, from which level to which, by which case
CREATE TABLE calibration_move
(
    run_id      UUID        NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,
    subject_id  UUID        NOT NULL,
    case_id     UUID        NOT NULL REFERENCES calibration_decision (case_id) ON DELETE CASCADE,
    from_level  VARCHAR(40) NOT NULL,
    to_level    VARCHAR(40) NOT NULL,
    PRIMARY KEY (run_id, subject_id, case_id)
);

-- The level each subject of a run holds after calibration: the engine's, or where a case moved it down, the level of
-- the latest move. The decisions of the competent level start from this proposal.
CREATE VIEW calibrated_rating AS
SELECT r.run_id, r.subject, r.subject_id, r.organization_id, r.grassroots_id, r.excluded, r.pending,
       r.level AS engine_level, coalesce(m.to_level, r.level) AS level, m.case_id AS moved_by_case
FROM rating r
LEFT JOIN LATERAL (
    SELECT x.to_level, x.case_id FROM calibration_move x JOIN calibration_decision d ON d.case_id = x.case_id
    WHERE x.run_id = r.run_id AND x.subject_id = r.subject_id
    ORDER BY d.decided_at DESC LIMIT 1) m ON TRUE;
