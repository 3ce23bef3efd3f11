package org.cadre.evaluation.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluation's copy of the organization tree (its projection of the organizations events), as the slices that scope a
 * caller by organization ask it: is this organization under that one. Public only for the internal subpackages; the
 * module exposes nothing of {@code internal}.
 */
@Component
public class OrganizationTree {

    /** Deeper than any real tree: stops the walk up should the copy ever hold a cycle. */
    private static final int MAX_DEPTH = 20;

    private final JdbcClient jdbc;

    OrganizationTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code organization} is {@code root} or lies under it. */
    public boolean within(UUID organization, UUID root) {
        return jdbc.sql("""
                WITH RECURSIVE up (id, parent, depth) AS (
                    SELECT organization_id, parent_id, 0 FROM evaluation.organization_projection
                    WHERE organization_id = :organization
                    UNION ALL
                    SELECT o.organization_id, o.parent_id, up.depth + 1 FROM evaluation.organization_projection o
                    JOIN up ON o.organization_id = up.parent WHERE up.depth < :depth)
                SELECT EXISTS (SELECT 1 FROM up WHERE id = :root)
                """).param("organization", organization).param("root", root).param("depth", MAX_DEPTH)
                .query(Boolean.class).single();
    }
}
