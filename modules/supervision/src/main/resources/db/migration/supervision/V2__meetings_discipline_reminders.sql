-- Chapter meetings with the attendance of each member listed, discipline decisions and the violations they
-- punish (several decisions for one violation count once), reminders to members and the reminders suggested by
-- overdue commitments. Members and organizations are referred to by id: they live in the organizations module.

CREATE TABLE meeting
(
    id                   UUID PRIMARY KEY,
    organization_id      UUID         NOT NULL,
    kind                 VARCHAR(20)  NOT NULL,
    held_on              DATE         NOT NULL,
    agenda               VARCHAR(500) NOT NULL,
    minutes              TEXT,
    resolutions          TEXT,
    commitments_reviewed TEXT,
    recorded_by          VARCHAR(100) NOT NULL
);
CREATE INDEX meeting_organization_idx ON meeting (organization_id, held_on);

CREATE TABLE attendance
(
    meeting_id UUID        NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    member_id  UUID        NOT NULL,
    attendance VARCHAR(20) NOT NULL,
    reason     VARCHAR(300),
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX attendance_member_idx ON attendance (member_id);

CREATE TABLE violation
(
    id              UUID PRIMARY KEY,
    member_id       UUID,
    organization_id UUID          NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    self_detected   BOOLEAN       NOT NULL,
    remedied        BOOLEAN       NOT NULL
);

CREATE TABLE discipline
(
    id              UUID PRIMARY KEY,
    violation_id    UUID         NOT NULL REFERENCES violation (id),
    member_id       UUID,
    organization_id UUID         NOT NULL,
    form            VARCHAR(30)  NOT NULL,
    decision        VARCHAR(100) NOT NULL,
    decided_on      DATE         NOT NULL,
    issuer          VARCHAR(300) NOT NULL,
    recorded_by     VARCHAR(100) NOT NULL
);
CREATE INDEX discipline_member_idx ON discipline (member_id);
CREATE INDEX discipline_organization_idx ON discipline (organization_id, decided_on);

CREATE TABLE reminder
(
    id               UUID PRIMARY KEY,
    member_id        UUID         NOT NULL,
    organization_id  UUID         NOT NULL,
    about            VARCHAR(500) NOT NULL,
    commitment_item  UUID,
    reminded_on      DATE         NOT NULL,
    due_on           DATE         NOT NULL,
    followed_up_on   DATE,
    follow_up        VARCHAR(500),
    done             BOOLEAN,
    recorded_by      VARCHAR(100) NOT NULL
);
CREATE INDEX reminder_member_idx ON reminder (member_id);
CREATE INDEX reminder_organization_idx ON reminder (organization_id, reminded_on);

-- One suggestion per overdue commitment item: a redelivered CommitmentOverdue changes nothing.
CREATE TABLE reminder_suggestion
(
    item_id         UUID PRIMARY KEY,
    register_id     UUID    NOT NULL,
    member_id       UUID    NOT NULL,
    organization_id UUID    NOT NULL,
    deadline        DATE    NOT NULL,
    progress        INT     NOT NULL,
    found_on        DATE    NOT NULL,
    days_overdue    INT     NOT NULL,
    reminder_id     UUID REFERENCES reminder (id)
);
CREATE INDEX reminder_suggestion_organization_idx ON reminder_suggestion (organization_id);
