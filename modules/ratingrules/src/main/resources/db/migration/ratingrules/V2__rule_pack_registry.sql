-- Rule pack registry: immutable versions with their files, the audit log, and the activation generation that every
-- instance polls to pick up an activation made elsewhere.

CREATE TABLE pack_version (
    pack_id      text        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    state        text        NOT NULL CHECK (state IN ('DRAFT', 'VALIDATED', 'ACTIVE', 'RETIRED')),
    name_vi      text,
    name_en      text,
    regulation   text,
    years_from   integer,
    years_to     integer,
    subjects     text,
    checksum     text        NOT NULL,
    author       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    source       text        NOT NULL CHECK (source IN ('FOLDER', 'UPLOAD', 'EDIT', 'PARAMETERS')),
    based_on     integer,
    valid        boolean     NOT NULL,
    report       text        NOT NULL,
    activated_at timestamptz,
    activated_by text,
    PRIMARY KEY (pack_id, version)
);

CREATE INDEX pack_version_active ON pack_version (state) WHERE state = 'ACTIVE';

CREATE TABLE pack_file (
    pack_id  text    NOT NULL,
    version  integer NOT NULL,
    path     text    NOT NULL,
    content  bytea   NOT NULL,
    PRIMARY KEY (pack_id, version, path),
    FOREIGN KEY (pack_id, version) REFERENCES pack_version (pack_id, version)
);

CREATE TABLE audit_entry (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text        NOT NULL,
    action   text        NOT NULL,
    pack_id  text        NOT NULL,
    version  integer,
    detail   text
);

CREATE INDEX audit_entry_pack ON audit_entry (pack_id, at DESC);

-- One row: raised in the transaction of every activation, retirement or rollback.
CREATE TABLE activation_generation (
    id    integer PRIMARY KEY CHECK (id = 1),
    value bigint  NOT NULL
);

INSERT INTO activation_generation (id, value) VALUES (1, 0);
