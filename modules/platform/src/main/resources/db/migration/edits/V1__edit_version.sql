COMMENT ON SCHEMA edits IS 'Cadre platform: the edit version of each record an edit form changes (optimistic locking)';

-- One row per record that an edit form or an edit endpoint has changed: a form carries the version it was loaded
-- with, and a save whose version is no longer this one is refused as an edit conflict (the second of two people
-- editing the same record), so nobody overwrites a change they never saw. A record never edited has no row and
-- version 0. The record is named by its module's kind and id ("organizations.member:<uuid>"), so one table serves
-- every module and the check is written once.
CREATE TABLE edit_version
(
    record     VARCHAR(200)             NOT NULL PRIMARY KEY,
    version    BIGINT                   NOT NULL CHECK (version > 0),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
