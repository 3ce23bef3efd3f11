COMMENT ON SCHEMA audit IS 'Cadre platform: the audit trail of changes to ratings, decisions, rule packs, discipline, statuses and roles';

-- Who changed what and when, one row per change, written in the transaction of the change. Append-only: the
-- application inserts and reads; the triggers below refuse every UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE entry
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(100)             NOT NULL, -- '' for work no user asked for (start-up, demo data)
    roles        VARCHAR(200)             NOT NULL,
    module       VARCHAR(40)              NOT NULL,
    kind         VARCHAR(100)             NOT NULL,
    target       VARCHAR(200)             NOT NULL,
    organization UUID,
    arguments    TEXT                     NOT NULL  -- the what-text's arguments, a JSON array of strings
);
CREATE INDEX entry_recorded_idx ON entry (recorded_at);
CREATE INDEX entry_module_kind_idx ON entry (module, kind, id);
CREATE INDEX entry_username_idx ON entry (username, id);

CREATE FUNCTION refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER entry_append_only
    BEFORE UPDATE OR DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER entry_no_truncate
    BEFORE TRUNCATE ON entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
