-- A file checked on the import page, kept on the server so that "Nhập" imports the very file that was checked
-- (a browser does not keep a file input across pages). One user's, for a day at most; removed once imported.
CREATE TABLE staged_import
(
    id         UUID PRIMARY KEY,
    owner      VARCHAR(100) NOT NULL,
    filename   VARCHAR(300) NOT NULL,
    content    BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX staged_import_created_idx ON staged_import (created_at);
