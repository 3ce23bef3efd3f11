COMMENT ON SCHEMA organizations IS 'Cadre module: organizations';

-- A party organization in the tree. The parent is a reference by id inside this module's own schema.
CREATE TABLE organization
(
    id             UUID PRIMARY KEY,
    code           VARCHAR(40)  NOT NULL,
    name           VARCHAR(300) NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    parent_id      UUID REFERENCES organization (id),
    established_on DATE         NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE UNIQUE INDEX organization_code_uq ON organization (lower(code));
CREATE INDEX organization_parent_idx ON organization (parent_id);
