-- Inspections and supervisions (kiểm tra, giám sát) of an organization or a member, their findings with the
-- remedies required and their resolution; requests for comments sent to coordinating bodies and the comments.

CREATE TABLE inspection
(
    id              UUID PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    plan            VARCHAR(20)  NOT NULL,
    organization_id UUID         NOT NULL,
    member_id       UUID,
    title           VARCHAR(500) NOT NULL,
    team            VARCHAR(1000),
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    opened_on       DATE         NOT NULL,
    concluded_on    DATE,
    conclusion      TEXT,
    recorded_by     VARCHAR(100) NOT NULL
);
CREATE INDEX inspection_organization_idx ON inspection (organization_id, opened_on);

CREATE TABLE finding
(
    id            UUID PRIMARY KEY,
    inspection_id UUID          NOT NULL REFERENCES inspection (id),
    nature        VARCHAR(20)   NOT NULL,
    severity      VARCHAR(20)   NOT NULL,
    text          VARCHAR(2000) NOT NULL,
    recorded_on   DATE          NOT NULL,
    remedy        VARCHAR(1000),
    remedy_due    DATE,
    resolved_on   DATE,
    resolution    VARCHAR(1000)
);
CREATE INDEX finding_inspection_idx ON finding (inspection_id);

CREATE TABLE feedback_request
(
    id              UUID PRIMARY KEY,
    body_id         UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    year            INT          NOT NULL,
    deadline        DATE         NOT NULL,
    note            VARCHAR(1000),
    requested_on    DATE         NOT NULL,
    requested_by    VARCHAR(100) NOT NULL
);
CREATE INDEX feedback_request_body_idx ON feedback_request (body_id, year);

CREATE TABLE comment
(
    id              UUID PRIMARY KEY,
    body_id         UUID          NOT NULL,
    request_id      UUID REFERENCES feedback_request (id),
    organization_id UUID          NOT NULL,
    member_id       UUID,
    year            INT           NOT NULL,
    stance          VARCHAR(20)   NOT NULL,
    text            VARCHAR(4000) NOT NULL,
    commented_on    DATE          NOT NULL,
    commented_by    VARCHAR(100)  NOT NULL
);
CREATE INDEX comment_organization_idx ON comment (organization_id, year);
CREATE INDEX comment_member_idx ON comment (member_id, year);
