-- Users of Cadre. A user may be linked to a member (organizations module) and is scoped to an organization
-- subtree; both are ids only: no foreign key crosses schemas.
CREATE TABLE app_user
(
    id              UUID PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    member_id       UUID,
    organization_id UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username));

CREATE TABLE user_role
(
    user_id UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(30) NOT NULL CHECK (role IN ('ADMIN', 'RULE_ADMIN', 'EVALUATOR', 'SECRETARY', 'MEMBER', 'REVIEWER')),
    PRIMARY KEY (user_id, role)
);

-- Consecutive failed logins per user name: slows down guessing across all instances of the application.
CREATE TABLE login_attempt
(
    username        VARCHAR(100) PRIMARY KEY,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE
);
