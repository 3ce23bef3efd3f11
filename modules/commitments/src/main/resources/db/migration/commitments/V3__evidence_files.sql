-- Files attached as evidence of progress (issue 10, capability 2): a PDF, an image or an Office document of at
-- most 5 MB, its type read from its bytes by the module. The original name is kept for the download only.
CREATE TABLE evidence_file (
    id           UUID PRIMARY KEY,
    report_id    UUID         NOT NULL UNIQUE REFERENCES progress_report (id) ON DELETE CASCADE,
    register_id  UUID         NOT NULL REFERENCES register (id) ON DELETE CASCADE,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size         INT          NOT NULL CHECK (size BETWEEN 1 AND 5242880),
    content      BYTEA        NOT NULL
);
CREATE INDEX evidence_file_register ON evidence_file (register_id);
