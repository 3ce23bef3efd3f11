-- Agencies (cơ quan, đơn vị) the party organizations sit in, with the agency's head.
CREATE TABLE agency
(
    id        UUID PRIMARY KEY,
    code      VARCHAR(40)  NOT NULL,
    name      VARCHAR(300) NOT NULL,
    head_name VARCHAR(200)
);
CREATE UNIQUE INDEX agency_code_uq ON agency (lower(code));

ALTER TABLE organization ADD COLUMN dissolved_on DATE;
ALTER TABLE organization ADD COLUMN agency_id UUID REFERENCES agency (id);
ALTER TABLE organization ALTER COLUMN version SET DEFAULT 0;

-- The tree over time: one row per period in which an organization had a given parent and name.
-- valid_to is exclusive; the open period has valid_to NULL. organization.parent_id/name are the current period.
CREATE TABLE organization_period
(
    organization_id UUID         NOT NULL REFERENCES organization (id),
    parent_id       UUID REFERENCES organization (id),
    name            VARCHAR(300) NOT NULL,
    valid_from      DATE         NOT NULL,
    valid_to        DATE,
    PRIMARY KEY (organization_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
INSERT INTO organization_period (organization_id, parent_id, name, valid_from)
SELECT id, parent_id, name, established_on FROM organization;

-- Party members. organization_id and status are the current values; the periods below keep the history.
CREATE TABLE member
(
    id              UUID PRIMARY KEY,
    card_number     VARCHAR(20)  NOT NULL,
    family_name     VARCHAR(60)  NOT NULL,
    middle_name     VARCHAR(80)  NOT NULL DEFAULT '',
    given_name      VARCHAR(60)  NOT NULL,
    -- lower case, without diacritics, đ as d: what search compares with (computed in Java, see VietnameseText)
    search_name     VARCHAR(200) NOT NULL,
    -- Vietnamese order (given name, middle name, family name, then tones); compare with COLLATE "C"
    sort_key        VARCHAR(400) NOT NULL,
    born_on         DATE         NOT NULL,
    sex             VARCHAR(6)   NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    national_id     VARCHAR(12),
    admitted_on     DATE         NOT NULL,
    confirmed_on    DATE,
    civil_servant   BOOLEAN      NOT NULL DEFAULT FALSE,
    position        VARCHAR(200),
    organization_id UUID         NOT NULL REFERENCES organization (id),
    status          VARCHAR(20)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (confirmed_on IS NULL OR confirmed_on >= admitted_on)
);
CREATE UNIQUE INDEX member_card_uq ON member (card_number);
CREATE INDEX member_organization_idx ON member (organization_id);
CREATE INDEX member_sort_idx ON member (sort_key COLLATE "C");

-- Which organization a member belonged to, over time (admission, transfers).
CREATE TABLE membership_period
(
    member_id       UUID NOT NULL REFERENCES member (id),
    organization_id UUID NOT NULL REFERENCES organization (id),
    valid_from      DATE NOT NULL,
    valid_to        DATE,
    PRIMARY KEY (member_id, valid_from)
);
CREATE INDEX membership_period_organization_idx ON membership_period (organization_id);

-- A member's status over time: ACTIVE, EXEMPT, SUSPENDED, LEFT, REMOVED, DECEASED.
CREATE TABLE member_status_period
(
    member_id  UUID        NOT NULL REFERENCES member (id),
    status     VARCHAR(20) NOT NULL,
    reason     VARCHAR(300),
    valid_from DATE        NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (member_id, valid_from)
);

-- Roles over time: secretary, deputy secretary, committee member, head and deputy head of the agency.
CREATE TABLE role_period
(
    id              UUID PRIMARY KEY,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    member_id       UUID        NOT NULL REFERENCES member (id),
    role            VARCHAR(30) NOT NULL,
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX role_period_organization_idx ON role_period (organization_id);
CREATE INDEX role_period_member_idx ON role_period (member_id);

-- Coordinating bodies (inspection commission, organization commission, ...) as data, and the organizations
-- (with their subtrees) each may comment on.
CREATE TABLE coordinating_body
(
    id   UUID PRIMARY KEY,
    code VARCHAR(40)  NOT NULL,
    name VARCHAR(300) NOT NULL
);
CREATE UNIQUE INDEX coordinating_body_code_uq ON coordinating_body (lower(code));

CREATE TABLE coordinating_body_scope
(
    body_id         UUID NOT NULL REFERENCES coordinating_body (id),
    organization_id UUID NOT NULL REFERENCES organization (id),
    PRIMARY KEY (body_id, organization_id)
);
