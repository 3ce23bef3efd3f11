-- At most one open period per member (membership, status) and per member, organization and role, so two
-- concurrent changes of one member cannot both leave a period open (the services also lock the member row).
CREATE UNIQUE INDEX membership_period_open_uq ON membership_period (member_id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX member_status_period_open_uq ON member_status_period (member_id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX role_period_open_uq ON role_period (member_id, organization_id, role) WHERE valid_to IS NULL;

-- Periods are half-open: the end never comes before the start.
ALTER TABLE membership_period ADD CONSTRAINT membership_period_dates_ck
    CHECK (valid_to IS NULL OR valid_to >= valid_from);
ALTER TABLE member_status_period ADD CONSTRAINT member_status_period_dates_ck
    CHECK (valid_to IS NULL OR valid_to >= valid_from);
