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
-- the latest move. The decisions of the competent level start from this proposal. A subject moves at most once per
-- level (down from the level above, then possibly down again from there): the latest move is the one no other move
-- continues from, whatever the clock said (two decisions may carry the same time).
CREATE VIEW calibrated_rating AS
SELECT r.run_id, r.subject, r.subject_id, r.organization_id, r.grassroots_id, r.excluded, r.pending,
       r.level AS engine_level, coalesce(m.to_level, r.level) AS level, m.case_id AS moved_by_case
FROM rating r
LEFT JOIN LATERAL (
    SELECT x.to_level, x.case_id FROM calibration_move x JOIN calibration_decision d ON d.case_id = x.case_id
    WHERE x.run_id = r.run_id AND x.subject_id = r.subject_id
      AND NOT EXISTS (SELECT 1 FROM calibration_move y WHERE y.run_id = x.run_id AND y.subject_id = x.subject_id
                      AND y.case_id <> x.case_id AND y.from_level = x.to_level)
    ORDER BY d.decided_at DESC LIMIT 1) m ON TRUE;

-- Who holds each case's level in its group now: the engine's candidates still at the level, and those a decided case
-- of the same group moved into it (the level above's non-keepers). A case is decided on these, so a case computed
-- before the level above was decided uses the counts after its moves; once decided, they are its keepers. A group is
-- known only through the cases (a peer group is not a column of the rating), so a move counts in a case of the same
-- group and subject kind: the quotas of a pack count one kind of subject in one kind of group.
CREATE VIEW calibration_holder AS
SELECT k.run_id, k.case_id, cr.subject_id, NOT (cr.subject_id = ANY (k.subjects)) AS from_above
FROM calibration_case k
-- from the few subjects concerned (by the ratings' key), not from every rating of the run at the level
JOIN LATERAL (
    SELECT unnest(k.subjects) AS subject_id
    UNION
    SELECT x.subject_id FROM calibration_move x JOIN calibration_case u ON u.case_id = x.case_id
    WHERE x.run_id = k.run_id AND x.to_level = k.level AND u.group_id = k.group_id AND u.case_id <> k.case_id
) s ON TRUE
JOIN calibrated_rating cr ON cr.run_id = k.run_id AND cr.subject_id = s.subject_id
WHERE cr.level = k.level
  AND (cr.subject_id = ANY (k.subjects)
       OR cr.subject = (SELECT r.subject FROM rating r WHERE r.run_id = k.run_id AND r.subject_id = k.subjects[1]));
