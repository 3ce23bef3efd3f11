-- Why a listener failed, kept beside the publication registry (which records only that it failed): the latest
-- error per listener and event, matched to a publication by the listener id and the md5 of the serialized event.
CREATE TABLE listener_failure
(
    listener_id    TEXT                     NOT NULL,
    event_hash     TEXT                     NOT NULL,
    error_type     TEXT                     NOT NULL,
    error_message  TEXT,
    failures       INT                      NOT NULL,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (listener_id, event_hash)
);
