package org.cadre.evaluation.internal;

import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evaluation's copy of the organization tree, kept in its own schema and fed only by events. */
@Service
class OrganizationProjection {

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

    @Transactional
    void moved(org.cadre.organizations.OrganizationMoved event) {
        jdbc.sql("UPDATE evaluation.organization_projection SET parent_id = :to WHERE organization_id = :id")
                .param("to", event.to().value()).param("id", event.organization().value()).update();
    }

    @Transactional
    void renamed(org.cadre.organizations.OrganizationRenamed event) {
        jdbc.sql("UPDATE evaluation.organization_projection SET name = :name WHERE organization_id = :id")
                .param("name", event.name()).param("id", event.organization().value()).update();
    }

    @Transactional
    void dissolved(org.cadre.organizations.OrganizationDissolved event) {
        jdbc.sql("UPDATE evaluation.organization_projection SET dissolved_on = :on WHERE organization_id = :id")
                .param("on", event.on()).param("id", event.organization().value()).update();
    }

    /** Rebuild after a bulk load: upserts every organization the facade lists. */
    @Transactional
    void rebuild(org.cadre.organizations.Organizations organizations) {
        for (var o : organizations.list()) {
            jdbc.sql("""
                    INSERT INTO evaluation.organization_projection
                        (organization_id, code, name, kind, parent_id, registered_on, dissolved_on)
                    VALUES (:id, :code, :name, :kind, :parent, :on, :dissolved)
                    ON CONFLICT (organization_id) DO UPDATE
                        SET code = excluded.code, name = excluded.name, kind = excluded.kind,
                            parent_id = excluded.parent_id, registered_on = excluded.registered_on,
                            dissolved_on = excluded.dissolved_on
                    """)
                    .param("id", o.id().value()).param("code", o.code()).param("name", o.name())
                    .param("kind", o.kind().name())
                    .param("parent", o.parentId() == null ? null : o.parentId().value())
                    .param("on", o.establishedOn()).param("dissolved", o.dissolvedOn()).update();
        }
    }

    @Transactional(readOnly = true)
    Optional<EvaluatedOrganization> organization(OrganizationId id) {
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
