-- The supervision module owns the PostgreSQL schema "supervision". Flyway creates it before this first migration runs; the
-- module's tables arrive with its own issue. This marker records the module's schema version 1.
COMMENT ON SCHEMA supervision IS 'Cadre module: supervision';
