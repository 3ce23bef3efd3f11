-- Personal access tokens: a script calls the JSON API with one instead of a password, so a call does not pay for a
-- password hash. The token is random (32 bytes), so a fast hash (SHA-256, hex) is enough to store it: nobody can
-- guess one to test against the hash. The clear token is shown once at creation and never stored.
-- The owner is a user id with a foreign key: deleting the user deletes their tokens; the user's name, enabled flag
-- and roles are read at every call, so a token never carries more than its owner has now.
CREATE TABLE access_token
(
    id           UUID PRIMARY KEY,
    user_id      UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(100)             NOT NULL CHECK (length(trim(name)) > 0),
    token_hash   CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CHECK (expires_at > created_at AND expires_at <= created_at + INTERVAL '365 days')
);
-- every API call with a token looks it up by its hash
CREATE UNIQUE INDEX access_token_hash_uq ON access_token (token_hash);
CREATE INDEX access_token_user_ix ON access_token (user_id, created_at);
