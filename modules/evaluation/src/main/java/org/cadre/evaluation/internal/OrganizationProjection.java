package org.cadre.evaluation.internal;

import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.evaluation.Evaluation;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evaluation's copy of the organization tree, kept in its own schema and fed only by events. */
@Service
class OrganizationProjection implements Evaluation {

    private final JdbcClient jdbc;

    OrganizationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: a redelivered event overwrites the row with the same values. */
    @Transactional
    void record(OrganizationRegistered event) {
        jdbc.sql("""
                INSERT INTO evaluation.organization_projection
                    (organization_id, code, name, kind, parent_id, registered_on)
                VALUES (:id, :code, :name, :kind, :parent, :on)
                ON CONFLICT (organization_id) DO UPDATE
                    SET code = excluded.code, name = excluded.name, kind = excluded.kind,
                        parent_id = excluded.parent_id, registered_on = excluded.registered_on
                """)
                .param("id", event.organization().value())
                .param("code", event.code())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("parent", event.parent() == null ? null : event.parent().value())
                .param("on", event.establishedOn())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EvaluatedOrganization> organization(OrganizationId id) {
        return jdbc.sql("""
                SELECT organization_id, parent_id, code, name, kind
                FROM evaluation.organization_projection WHERE organization_id = :id
                """)
                .param("id", id.value())
                .query((rs, row) -> new EvaluatedOrganization(id,
                        rs.getObject("parent_id") == null ? null
                                : new OrganizationId(rs.getObject("parent_id", UUID.class)),
                        rs.getString("code"), rs.getString("name"), OrganizationKind.valueOf(rs.getString("kind"))))
                .optional();
    }
}
