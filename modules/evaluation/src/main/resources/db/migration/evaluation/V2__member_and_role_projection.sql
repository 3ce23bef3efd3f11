-- Evaluation's own view of members and roles, fed by the organizations module's events (and rebuilt from its
-- facade after a bulk load). Classification runs read these, never the organizations schema.
ALTER TABLE organization_projection ADD COLUMN dissolved_on DATE;

CREATE TABLE member_projection
(
    member_id       UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    card_number     VARCHAR(20)  NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    born_on         DATE         NOT NULL,
    sex             VARCHAR(6)   NOT NULL,
    admitted_on     DATE         NOT NULL,
    confirmed_on    DATE,
    civil_servant   BOOLEAN      NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    status_since    DATE         NOT NULL
);
CREATE INDEX member_projection_organization_idx ON member_projection (organization_id);

CREATE TABLE role_projection
(
    assignment_id   UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    member_id       UUID        NOT NULL,
    role            VARCHAR(30) NOT NULL,
    valid_from      DATE        NOT NULL,
    valid_to        DATE
);
