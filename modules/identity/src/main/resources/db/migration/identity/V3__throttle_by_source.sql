-- Failures are counted per user name and source address together, so nobody elsewhere can lock a name out of the
-- place its owner signs in from; failures from one source across user names are counted apart, to slow down a
-- source that tries many names. Counts kept so far are dropped: they were per name only.
DROP TABLE login_attempt;

CREATE TABLE login_attempt
(
    username        VARCHAR(100)             NOT NULL,
    source          VARCHAR(64)              NOT NULL,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, source)
);

CREATE TABLE login_source
(
    source            VARCHAR(64) PRIMARY KEY,
    failures          INT                      NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until     TIMESTAMP WITH TIME ZONE
);
