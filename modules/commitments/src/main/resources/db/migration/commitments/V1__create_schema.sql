-- The commitments module owns the PostgreSQL schema "commitments". Flyway creates it before this first migration runs; the
-- module's tables arrive with its own issue. This marker records the module's schema version 1.
COMMENT ON SCHEMA commitments IS 'Cadre module: commitments';
