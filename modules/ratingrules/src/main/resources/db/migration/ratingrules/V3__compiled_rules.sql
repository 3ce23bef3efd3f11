-- Compiled rule packs kept between starts: the KieModule a build produced (a jar with the classes the Java compiler
-- made), found by the checksum of the pack version's files and what the build depends on besides them. A cache: a
-- row can be deleted at any time (the next load compiles and stores it again), and a row that cannot be used is
-- compiled again, never served.

CREATE TABLE compiled_rules (
    checksum       text        NOT NULL,
    drools_version text        NOT NULL,
    cache_format   integer     NOT NULL,
    runtime        text        NOT NULL,
    pack_id        text        NOT NULL,
    version        integer     NOT NULL,
    module         bytea       NOT NULL,
    module_sha256  text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (checksum, drools_version, cache_format, runtime)
);
