-- Yearly cycles, classification runs and the ratings they store. A run writes its ratings under its own id; the
-- cycle points at its current run only once a run has finished, so a failed, cancelled or killed run leaves the
-- previous results in place (readers always go through cycle.current_run_id).

CREATE TABLE cycle
(
    cycle_id        UUID PRIMARY KEY,
    year            INT          NOT NULL CHECK (year BETWEEN 1930 AND 2200),
    -- the bloc (the top of the tree) or one grassroots organization
    scope_id        UUID         NOT NULL,
    pack_id         VARCHAR(100) NOT NULL,
    pack_version    INT          NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    current_run_id  UUID,
    opened_on       TIMESTAMPTZ  NOT NULL,
    opened_by       VARCHAR(100) NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    UNIQUE (year, scope_id)
);

CREATE TABLE run
(
    run_id          UUID PRIMARY KEY,
    cycle_id        UUID         NOT NULL REFERENCES cycle (cycle_id),
    job_id          UUID,
    state           VARCHAR(20)  NOT NULL,
    pack_id         VARCHAR(100) NOT NULL,
    pack_version    INT          NOT NULL,
    requested_by    VARCHAR(100) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    members         INT          NOT NULL DEFAULT 0,
    organizations   INT          NOT NULL DEFAULT 0,
    -- a digest of every rating of the run (subject, level, reasons), to show that the same inputs gave the same results
    digest          VARCHAR(64),
    problem         TEXT
);
-- one run of a cycle at a time: the second is refused by this index whatever instance asks
CREATE UNIQUE INDEX run_one_running_per_cycle ON run (cycle_id) WHERE state = 'RUNNING';

CREATE TABLE rating
(
    run_id          UUID         NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,
    subject         VARCHAR(12)  NOT NULL,
    subject_id      UUID         NOT NULL,
    organization_id UUID,
    grassroots_id   UUID,
    level           VARCHAR(40),
    excluded        BOOLEAN      NOT NULL,
    pending         BOOLEAN      NOT NULL,
    decisive_rule   VARCHAR(100),
    -- the facts the rules were given, and the explanation (SubjectRating as JSON: reasons, fired rules, values)
    facts           JSON         NOT NULL,
    explanation     JSON         NOT NULL,
    PRIMARY KEY (run_id, subject_id)
);
CREATE INDEX rating_run_organization_idx ON rating (run_id, organization_id);
CREATE INDEX rating_run_grassroots_idx ON rating (run_id, grassroots_id);

-- quota cases a run opened: nobody is demoted silently, a person calibrates (the workflow issue decides them)
CREATE TABLE calibration_case
(
    case_id         UUID PRIMARY KEY,
    run_id          UUID         NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,
    quota_id        VARCHAR(100) NOT NULL,
    group_id        VARCHAR(100) NOT NULL,
    level           VARCHAR(40)  NOT NULL,
    demote_to       VARCHAR(40),
    base_count      INT          NOT NULL,
    allowed         INT          NOT NULL,
    proposed        INT          NOT NULL,
    excess          INT          NOT NULL,
    subjects        UUID[]       NOT NULL,
    article         VARCHAR(300)
);
CREATE INDEX calibration_case_run_idx ON calibration_case (run_id);

-- ---- what people enter for a cycle (one row per member or organization and input; the latest entry wins)

-- the civil-service rating of the year (a level code of the pack's member scale), entered or imported
CREATE TABLE civil_service_rating
(
    cycle_id        UUID         NOT NULL REFERENCES cycle (cycle_id),
    member_id       UUID         NOT NULL,
    level           VARCHAR(40)  NOT NULL,
    source          VARCHAR(20)  NOT NULL,
    entered_by      VARCHAR(100) NOT NULL,
    entered_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (cycle_id, member_id)
);

-- per-criterion levels or scores entered by the chapter, for a member or an organization
CREATE TABLE criterion_entry
(
    cycle_id        UUID         NOT NULL REFERENCES cycle (cycle_id),
    subject_id      UUID         NOT NULL,
    criterion       VARCHAR(100) NOT NULL,
    level           VARCHAR(40),
    score           NUMERIC(7, 2),
    entered_by      VARCHAR(100) NOT NULL,
    entered_at      TIMESTAMPTZ  NOT NULL,
    CHECK (level IS NOT NULL OR score IS NOT NULL),
    PRIMARY KEY (cycle_id, subject_id, criterion)
);

-- the comment of the member's place of residence (stance, and the text as received)
CREATE TABLE residence_comment
(
    cycle_id        UUID          NOT NULL REFERENCES cycle (cycle_id),
    member_id       UUID          NOT NULL,
    stance          VARCHAR(20)   NOT NULL,
    text            VARCHAR(4000),
    received_on     DATE          NOT NULL,
    entered_by      VARCHAR(100)  NOT NULL,
    entered_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (cycle_id, member_id)
);

-- months of sick leave in the year (with a half-month step)
CREATE TABLE sick_leave
(
    cycle_id        UUID          NOT NULL REFERENCES cycle (cycle_id),
    member_id       UUID          NOT NULL,
    months          NUMERIC(4, 1) NOT NULL CHECK (months >= 0 AND months <= 12),
    entered_by      VARCHAR(100)  NOT NULL,
    entered_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (cycle_id, member_id)
);
