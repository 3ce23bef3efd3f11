-- The facts ledger: what evaluation knows of members and organizations, applied from the events of organizations,
-- commitments and supervision (and refilled from their facades by the rebuild job). Nothing here is a running
-- total: every row is keyed by the source's own id (register, item, meeting and member, discipline, finding,
-- reminder, comment...) or, for the dated changes of a member or an organization, by subject and date. Writing a
-- row twice changes nothing and rows do not depend on the order they arrive in, so a redelivered or late event
-- leaves the same facts. A cancellation is a tombstone on the change it cancels (same key, cancelled = true): a
-- cancellation handled before its change still wins. The year's facts are computed from these rows when a run reads
-- them (internal.facts.YearFactsService). See docs/evaluation.md, "Facts projection".

-- ---- organizations: the tree over time

CREATE TABLE fact_organization
(
    organization_id UUID PRIMARY KEY,
    -- null until the registration arrives (a move or dissolution handled first creates the row)
    code            VARCHAR(40),
    kind            VARCHAR(40),
    established_on  DATE,
    dissolved_on    DATE
);

-- The parent from a date: the registration's and each move's.
CREATE TABLE fact_organization_parent
(
    organization_id UUID NOT NULL,
    valid_from      DATE NOT NULL,
    parent_id       UUID,
    PRIMARY KEY (organization_id, valid_from)
);

-- The name from a date: the registration's and each rename's.
CREATE TABLE fact_organization_name
(
    organization_id UUID         NOT NULL,
    valid_from      DATE         NOT NULL,
    name            VARCHAR(300) NOT NULL,
    PRIMARY KEY (organization_id, valid_from)
);

-- ---- members: who they are, where they belonged and their status over time, the roles they held

CREATE TABLE fact_member
(
    member_id     UUID PRIMARY KEY,
    card_number   VARCHAR(20),
    full_name     VARCHAR(200),
    admitted_on   DATE,
    confirmed_on  DATE,
    civil_servant BOOLEAN NOT NULL DEFAULT FALSE,
    -- when the details were corrected (MemberDetailsCorrected.correctedAt): the latest correction wins whatever
    -- the order; null while they come from the admission
    details_at    TIMESTAMPTZ
);

-- The organization (chapter) a member belongs to from a date: the admission and each transfer. A cancelled
-- transfer is the same row with cancelled = true.
CREATE TABLE fact_membership
(
    member_id       UUID    NOT NULL,
    valid_from      DATE    NOT NULL,
    organization_id UUID    NOT NULL,
    admission       BOOLEAN NOT NULL DEFAULT FALSE,
    cancelled       BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (member_id, valid_from, organization_id)
);
CREATE INDEX fact_membership_organization_idx ON fact_membership (organization_id);

-- The status from a date: ACTIVE from the admission (admission = true) and each reinstatement, EXEMPT, SUSPENDED,
-- LEFT, REMOVED, DECEASED. A cancelled status change is the same row with cancelled = true.
CREATE TABLE fact_status
(
    member_id  UUID        NOT NULL,
    valid_from DATE        NOT NULL,
    status     VARCHAR(20) NOT NULL,
    admission  BOOLEAN     NOT NULL DEFAULT FALSE,
    cancelled  BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (member_id, valid_from, status)
);

CREATE TABLE fact_role
(
    assignment_id   UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    member_id       UUID        NOT NULL,
    role            VARCHAR(30) NOT NULL,
    -- null while only the end or the cancellation has arrived
    valid_from      DATE,
    valid_to        DATE,
    cancelled       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX fact_role_member_idx ON fact_role (member_id);
CREATE INDEX fact_role_organization_idx ON fact_role (organization_id);

-- A role ended by a transfer or a departure that was later cancelled is held again (organizations restores it
-- without an event): its end does not count when a cancelled change of the member falls on that day.
CREATE VIEW fact_role_effective AS
SELECT r.assignment_id, r.organization_id, r.member_id, r.role, r.valid_from,
       CASE WHEN r.valid_to IS NOT NULL AND (
                EXISTS (SELECT 1 FROM fact_membership x WHERE x.member_id = r.member_id AND x.cancelled
                        AND NOT x.admission AND x.valid_from = r.valid_to)
             OR EXISTS (SELECT 1 FROM fact_status s WHERE s.member_id = r.member_id AND s.cancelled
                        AND s.status IN ('LEFT', 'REMOVED', 'DECEASED') AND s.valid_from = r.valid_to))
            THEN NULL ELSE r.valid_to END AS valid_to
FROM fact_role r
WHERE NOT r.cancelled AND r.valid_from IS NOT NULL;

-- ---- commitments, per year

-- An approved register: its items are the member's targets of the year.
CREATE TABLE fact_register
(
    register_id     UUID PRIMARY KEY,
    member_id       UUID NOT NULL,
    organization_id UUID NOT NULL,
    year            INT  NOT NULL,
    items           INT  NOT NULL
);
CREATE INDEX fact_register_year_member_idx ON fact_register (year, member_id);
CREATE INDEX fact_register_year_organization_idx ON fact_register (year, organization_id);

-- An item's assessment (FULFILLED or MISSED; the latest assessment wins) and whether it was found overdue.
CREATE TABLE fact_item
(
    item_id         UUID PRIMARY KEY,
    register_id     UUID        NOT NULL,
    member_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    year            INT         NOT NULL,
    outcome         VARCHAR(10),
    assessed_on     DATE,
    exceeded        BOOLEAN     NOT NULL DEFAULT FALSE,
    on_time         BOOLEAN     NOT NULL DEFAULT FALSE,
    overdue         BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX fact_item_year_member_idx ON fact_item (year, member_id);
CREATE INDEX fact_item_year_organization_idx ON fact_item (year, organization_id);

-- A member's completed study of a campaign's resolution.
CREATE TABLE fact_study
(
    member_id       UUID NOT NULL,
    campaign_id     UUID NOT NULL,
    organization_id UUID NOT NULL,
    year            INT  NOT NULL,
    studied_on      DATE NOT NULL,
    PRIMARY KEY (member_id, campaign_id)
);
CREATE INDEX fact_study_year_member_idx ON fact_study (year, member_id);

CREATE TABLE fact_programme
(
    programme_id       UUID PRIMARY KEY,
    organization_id    UUID    NOT NULL,
    year               INT     NOT NULL,
    adopted_on         DATE    NOT NULL,
    committee_signed   BOOLEAN NOT NULL,
    agency_head_signed BOOLEAN NOT NULL
);
CREATE INDEX fact_programme_year_idx ON fact_programme (year, organization_id);

CREATE TABLE fact_regulation_review
(
    review_id       UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    year            INT  NOT NULL,
    reviewed_on     DATE NOT NULL
);
CREATE INDEX fact_regulation_review_year_idx ON fact_regulation_review (year, organization_id);

-- ---- supervision, per year

CREATE TABLE fact_meeting
(
    meeting_id      UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    held_on         DATE        NOT NULL,
    year            INT         NOT NULL
);
CREATE INDEX fact_meeting_year_idx ON fact_meeting (year, organization_id);

CREATE TABLE fact_attendance
(
    meeting_id      UUID        NOT NULL,
    member_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    held_on         DATE        NOT NULL,
    year            INT         NOT NULL,
    attendance      VARCHAR(20) NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX fact_attendance_year_member_idx ON fact_attendance (year, member_id, held_on);

CREATE TABLE fact_reminder
(
    reminder_id     UUID PRIMARY KEY,
    member_id       UUID NOT NULL,
    organization_id UUID NOT NULL,
    reminded_on     DATE NOT NULL,
    year            INT  NOT NULL
);
CREATE INDEX fact_reminder_year_member_idx ON fact_reminder (year, member_id);

-- A disciplinary decision; member_id null when an organization was disciplined.
CREATE TABLE fact_discipline
(
    discipline_id   UUID PRIMARY KEY,
    violation_id    UUID,
    member_id       UUID,
    organization_id UUID        NOT NULL,
    form            VARCHAR(30) NOT NULL,
    decided_on      DATE        NOT NULL,
    year            INT         NOT NULL,
    self_detected   BOOLEAN     NOT NULL,
    remedied        BOOLEAN     NOT NULL
);
CREATE INDEX fact_discipline_year_idx ON fact_discipline (year);

-- A finding is open at a date when a remedy is required, it was recorded by then and not resolved by then. The
-- recording and the resolution are separate events: either may arrive first.
CREATE TABLE fact_finding
(
    finding_id      UUID PRIMARY KEY,
    member_id       UUID,
    organization_id UUID,
    recorded_on     DATE,
    remedy_due      DATE,
    resolved_on     DATE
);
CREATE INDEX fact_finding_member_idx ON fact_finding (member_id);

-- A coordinating body's comment on a member, or on an organization (member_id null).
CREATE TABLE fact_comment
(
    comment_id      UUID PRIMARY KEY,
    member_id       UUID,
    organization_id UUID        NOT NULL,
    year            INT         NOT NULL,
    stance          VARCHAR(20) NOT NULL
);
CREATE INDEX fact_comment_year_idx ON fact_comment (year, member_id);

-- Which rebuild jobs were asked for, to refuse a second while one runs (REBUILD_IN_PROGRESS).
CREATE TABLE fact_rebuild
(
    job_id       UUID PRIMARY KEY,
    years        VARCHAR(200) NOT NULL,
    parts        VARCHAR(100) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    finished     BOOLEAN      NOT NULL DEFAULT FALSE
);
