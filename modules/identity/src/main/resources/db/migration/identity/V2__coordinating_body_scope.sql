-- A reviewer speaks for a coordinating body (organizations module); an id only, no foreign key across schemas.
ALTER TABLE app_user ADD COLUMN coordinating_body_id UUID;
