COMMENT ON SCHEMA jobs IS 'Cadre platform: background jobs (imports, classification runs)';

-- Background work any instance can run and any instance can report: the state, the progress and the outcome live
-- here, not in one instance's memory. A job runs as the caller who asked for it (the owner columns).
CREATE TABLE job
(
    id                 UUID PRIMARY KEY,
    kind               VARCHAR(60)              NOT NULL,
    state              VARCHAR(12)              NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    owner              VARCHAR(100)             NOT NULL,
    owner_roles        VARCHAR(200)             NOT NULL,
    owner_member       UUID,
    owner_organization UUID,
    owner_body         UUID,
    parameters         TEXT                     NOT NULL DEFAULT '{}',
    input              BYTEA,
    done               INT                      NOT NULL DEFAULT 0,
    total              INT                      NOT NULL DEFAULT 0,
    result             TEXT,
    problem_key        VARCHAR(200),
    problem_arguments  TEXT,
    instance           VARCHAR(100),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    heartbeat_at       TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX job_queued_idx ON job (created_at) WHERE state = 'QUEUED';
CREATE INDEX job_running_idx ON job (heartbeat_at) WHERE state = 'RUNNING';
CREATE INDEX job_owner_idx ON job (owner, kind) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX job_finished_idx ON job (finished_at) WHERE finished_at IS NOT NULL;
