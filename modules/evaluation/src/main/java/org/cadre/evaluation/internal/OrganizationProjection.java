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

    /**
     * Idempotent: the first delivery inserts the row, a redelivery changes nothing, and a later change that was
     * handled first (a refresh from the facade) is not overwritten with the registration's older values.
     */
    @Transactional
    void record(OrganizationRegistered event) {
        jdbc.sql("""
                INSERT INTO evaluation.organization_projection
                    (organization_id, code, name, kind, parent_id, registered_on)
                VALUES (:id, :code, :name, :kind, :parent, :on)
                ON CONFLICT (organization_id) DO NOTHING
                """)
                .param("id", event.organization().value())
                .param("code", event.code())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("parent", event.parent() == null ? null : event.parent().value())
                .param("on", event.establishedOn())
                .update();
    }

    /**
     * After a move, rename or dissolution: the organization as the facade knows it now. Listeners run
     * asynchronously and may handle one organization's events out of order; reading the current state makes the
     * projection converge whatever the order, and a redelivery changes nothing.
     */
    @Transactional
    void refresh(org.cadre.organizations.OrganizationId id, org.cadre.organizations.Organizations organizations) {
        organizations.find(id).ifPresent(this::upsert);
    }

    /** Rebuild after a bulk load: upserts every organization the facade lists. */
    @Transactional
    void rebuild(org.cadre.organizations.Organizations organizations) {
        organizations.list().forEach(this::upsert);
    }

    private void upsert(org.cadre.organizations.OrganizationSummary o) {
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
