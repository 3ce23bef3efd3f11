COMMENT ON SCHEMA evaluation IS 'Cadre module: evaluation';

-- Evaluation's own projection of the organization tree, fed by the organizations module's events.
-- It is what a classification run reads; it never reads the organizations schema.
CREATE TABLE organization_projection
(
    organization_id UUID PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(300) NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    parent_id       UUID,
    registered_on   DATE         NOT NULL
);
