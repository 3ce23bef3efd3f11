-- A civil-service rating file that passed its dry run, kept for its owner until they import it (a day at most), so
-- the real import writes exactly the file that was checked without sending it again.
CREATE TABLE staged_civil_service_import
(
    import_id   UUID PRIMARY KEY,
    cycle_id    UUID         NOT NULL REFERENCES cycle (cycle_id),
    owner       VARCHAR(100) NOT NULL,
    filename    VARCHAR(300) NOT NULL,
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
