-- Decisions of the competent level. Each grassroots organization has two lists per cycle: its members, and its
-- organizations (itself and the chapters under it). Who decides a list is data (decision_authority); with no row the
-- regulation's default applies (members: the grassroots organization's own committee; organizations: the committee
-- directly above it), and a row may name only the organization itself or its direct parent (at most one level).
-- A decision starts as a draft from the proposals of the cycle's current run after calibration (calibrated_rating);
-- signing it (who and when) locks it; after that a level changes only through an appeal (V12).

CREATE TABLE decision_authority
(
    cycle_id         UUID         NOT NULL REFERENCES cycle (cycle_id),
    organization_id  UUID         NOT NULL,
    kind             VARCHAR(12)  NOT NULL CHECK (kind IN ('MEMBER', 'ORGANIZATION')),
    competent_id     UUID         NOT NULL,
    set_by           VARCHAR(100) NOT NULL,
    set_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (cycle_id, organization_id, kind)
);

CREATE TABLE decision
(
    decision_id      UUID         PRIMARY KEY,
    cycle_id         UUID         NOT NULL REFERENCES cycle (cycle_id),
    -- the run whose proposals the items were taken from
    run_id           UUID         NOT NULL REFERENCES run (run_id),
    -- the grassroots organization whose list it is
    organization_id  UUID         NOT NULL,
    kind             VARCHAR(12)  NOT NULL CHECK (kind IN ('MEMBER', 'ORGANIZATION')),
    competent_id     UUID         NOT NULL,
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT', 'SIGNED')),
    -- the document's number as the committee registers it (e.g. "15-QĐ/ĐU"), given when signing
    number           VARCHAR(40),
    signed_by        VARCHAR(100),
    signed_at        TIMESTAMPTZ,
    version          INT          NOT NULL DEFAULT 0,
    UNIQUE (cycle_id, organization_id, kind),
    CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL AND signed_by IS NOT NULL))
);

-- one subject of a list: the proposal it started from and the level decided; a departure needs its reason
CREATE TABLE decision_item
(
    decision_id      UUID          NOT NULL REFERENCES decision (decision_id) ON DELETE CASCADE,
    subject_id       UUID          NOT NULL,
    subject          VARCHAR(12)   NOT NULL,
    -- the engine's level after calibration (null: excluded or pending)
    proposed_level   VARCHAR(40),
    level            VARCHAR(40),
    reason           VARCHAR(2000),
    PRIMARY KEY (decision_id, subject_id),
    CHECK (level IS NOT DISTINCT FROM proposed_level OR reason IS NOT NULL)
);
CREATE INDEX decision_item_subject_idx ON decision_item (subject_id);
