-- Resolutions and their study campaigns; who must study (the duty list, kept current by organizations' events);
-- study sessions; members' commitment registers with their items and progress reports; committee templates;
-- action programmes with their two signatures and tasks; the regulation-review log. Members and organizations are
-- referred to by id only: they live in the organizations schema.

CREATE TABLE resolution (
    id          UUID PRIMARY KEY,
    number      VARCHAR(60)  NOT NULL UNIQUE,
    title       VARCHAR(500) NOT NULL,
    issued_on   DATE         NOT NULL,
    issuer      VARCHAR(200) NOT NULL,
    documents   VARCHAR(2000)
);

CREATE TABLE campaign (
    id              UUID PRIMARY KEY,
    resolution_id   UUID NOT NULL REFERENCES resolution (id),
    organization_id UUID NOT NULL,
    year            INT  NOT NULL,
    opens_on        DATE NOT NULL,
    study_by        DATE NOT NULL,
    UNIQUE (resolution_id, organization_id, year)
);
CREATE INDEX campaign_year ON campaign (year);

-- One row per member listed in a campaign. Only ACTIVE members must study and register; the others stay listed
-- (their study, if any, is kept) but are not counted.
CREATE TABLE duty (
    campaign_id     UUID        NOT NULL REFERENCES campaign (id),
    member_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    card_number     VARCHAR(40),
    status          VARCHAR(20) NOT NULL CHECK (status IN ('ACTIVE', 'EXEMPT', 'SUSPENDED', 'LEFT')),
    studied_on      DATE,
    study_how       VARCHAR(10) CHECK (study_how IN ('SESSION', 'LATER')),
    study_note      VARCHAR(500),
    session_id      UUID,
    PRIMARY KEY (campaign_id, member_id)
);
CREATE INDEX duty_organization ON duty (campaign_id, organization_id);
CREATE INDEX duty_member ON duty (member_id);

CREATE TABLE study_session (
    id              UUID PRIMARY KEY,
    campaign_id     UUID NOT NULL REFERENCES campaign (id),
    organization_id UUID NOT NULL,
    held_on         DATE NOT NULL,
    topic           VARCHAR(300),
    attendees       INT  NOT NULL,
    recorded_by     VARCHAR(100)
);
CREATE INDEX study_session_organization ON study_session (organization_id, held_on);

CREATE TABLE register (
    id              UUID PRIMARY KEY,
    campaign_id     UUID        NOT NULL REFERENCES campaign (id),
    resolution_id   UUID        NOT NULL REFERENCES resolution (id),
    member_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    year            INT         NOT NULL,
    status          VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    comment         VARCHAR(1000),
    submitted_on    DATE,
    decided_on      DATE,
    decided_by      VARCHAR(100),
    UNIQUE (campaign_id, member_id)
);
CREATE INDEX register_member ON register (member_id, year);
CREATE INDEX register_organization ON register (campaign_id, organization_id);

CREATE TABLE register_item (
    id                  UUID PRIMARY KEY,
    register_id         UUID          NOT NULL REFERENCES register (id) ON DELETE CASCADE,
    position            INT           NOT NULL,
    content             VARCHAR(1000) NOT NULL,
    task                VARCHAR(500),
    target              VARCHAR(500),
    deadline            DATE          NOT NULL,
    weight              INT           NOT NULL CHECK (weight BETWEEN 1 AND 100),
    progress            INT           NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    last_reported_on    DATE,
    completed_on        DATE,
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('OPEN', 'FULFILLED', 'MISSED')),
    assessed_on         DATE,
    assessment          VARCHAR(1000),
    exceeded            BOOLEAN       NOT NULL DEFAULT FALSE,
    template_id         UUID,
    overdue_reported_on DATE
);
CREATE INDEX register_item_register ON register_item (register_id, position);
-- the daily deadline check reads only open items not reported overdue yet
CREATE INDEX register_item_overdue ON register_item (deadline) WHERE status = 'OPEN' AND overdue_reported_on IS NULL;

CREATE TABLE progress_report (
    id          UUID PRIMARY KEY,
    item_id     UUID          NOT NULL REFERENCES register_item (id) ON DELETE CASCADE,
    percent     INT           NOT NULL CHECK (percent BETWEEN 0 AND 100),
    evidence    VARCHAR(1000),
    reported_on DATE          NOT NULL,
    reported_by VARCHAR(100)
);
CREATE INDEX progress_report_item ON progress_report (item_id, reported_on);

CREATE TABLE template (
    id              UUID PRIMARY KEY,
    campaign_id     UUID NOT NULL REFERENCES campaign (id),
    organization_id UUID NOT NULL,
    created_on      DATE NOT NULL,
    created_by      VARCHAR(100),
    items           INT  NOT NULL
);

CREATE TABLE programme (
    id                  UUID PRIMARY KEY,
    organization_id     UUID NOT NULL,
    resolution_id       UUID NOT NULL REFERENCES resolution (id),
    year                INT  NOT NULL,
    title               VARCHAR(500),
    adopted_on          DATE,
    committee_signer    UUID,
    committee_signer_name VARCHAR(200),
    agency_head_signer  UUID,
    agency_head_signer_name VARCHAR(200),
    UNIQUE (organization_id, resolution_id, year),
    CHECK (adopted_on IS NULL OR (committee_signer IS NOT NULL AND agency_head_signer IS NOT NULL
        AND committee_signer <> agency_head_signer))
);
CREATE INDEX programme_year ON programme (year);

CREATE TABLE programme_task (
    id           UUID PRIMARY KEY,
    programme_id UUID          NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    position     INT           NOT NULL,
    task         VARCHAR(1000) NOT NULL,
    responsible  VARCHAR(200),
    deadline     DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE'))
);

CREATE TABLE regulation_review (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    year            INT          NOT NULL,
    title           VARCHAR(500) NOT NULL,
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('REGULATION', 'RULE', 'INTERNAL_RULE')),
    decision        VARCHAR(20)  NOT NULL CHECK (decision IN ('KEEP', 'AMEND', 'SUPPLEMENT', 'REPEAL')),
    reviewed_on     DATE         NOT NULL,
    note            VARCHAR(1000),
    recorded_by     VARCHAR(100)
);
CREATE INDEX regulation_review_organization ON regulation_review (organization_id, year);
