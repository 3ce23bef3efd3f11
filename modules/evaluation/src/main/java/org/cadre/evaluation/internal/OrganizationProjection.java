package org.cadre.evaluation.internal;

import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization as evaluation knows it today: read from the facts ledger (its latest parent and name), which the
 * organizations events feed (internal.facts). Nothing here reads the organizations schema or calls its facade.
 */
@Service
class OrganizationProjection {

    private final JdbcClient jdbc;

    OrganizationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<EvaluatedOrganization> organization(OrganizationId id) {
        return jdbc.sql("""
                SELECT o.code, o.kind,
                    (SELECT parent_id FROM evaluation.fact_organization_parent p
                     WHERE p.organization_id = o.organization_id ORDER BY p.valid_from DESC LIMIT 1) AS parent_id,
                    (SELECT name FROM evaluation.fact_organization_name n
                     WHERE n.organization_id = o.organization_id ORDER BY n.valid_from DESC LIMIT 1) AS name
                FROM evaluation.fact_organization o WHERE o.organization_id = :id AND o.kind IS NOT NULL
                """)
                .param("id", id.value())
                .query((rs, row) -> new EvaluatedOrganization(id,
                        rs.getObject("parent_id") == null ? null
                                : new OrganizationId(rs.getObject("parent_id", UUID.class)),
                        rs.getString("code"), rs.getString("name"), OrganizationKind.valueOf(rs.getString("kind"))))
                .optional();
    }
}
