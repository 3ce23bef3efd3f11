package org.cadre.organizations.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.AgencyAssigned;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRenamed;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleCancelled;
import org.cadre.organizations.RoleEnded;
import org.cadre.organizations.domain.HeldRole;
import org.cadre.organizations.domain.RecordedRole;
import org.cadre.organizations.domain.Organization;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads an {@link Organization} for a change and writes what a transition did: the organization row from the
 * object's state, the periods of parent and name and the roles from the events. Runs in the service's transaction.
 */
@Component
class OrganizationStore {

    private final JdbcClient jdbc;
    private final Recorder recorder;

    OrganizationStore(JdbcClient jdbc, Recorder recorder) {
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    /**
     * Locks the organization row for the rest of the transaction, then reads it (in statements of their own, so
     * the read sees what a change that held the lock committed): changes of one organization run in turn.
     */
    Optional<Organization> locked(OrganizationId id) {
        if (jdbc.sql("SELECT id FROM organizations.organization WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(UUID.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return find(id);
    }

    /**
     * Reads the organization and keeps it from changing until the transaction ends: what a change of another
     * aggregate relies on (a member admitted into it, a child registered or moved under it) cannot be dissolved or
     * moved meanwhile, and a change of it that held the lock first is seen.
     */
    Optional<Organization> shared(OrganizationId id) {
        return lockShared(id) ? find(id) : Optional.empty();
    }

    /** Takes the shared lock of {@link #shared}; whether the organization exists. */
    boolean lockShared(OrganizationId id) {
        return jdbc.sql("SELECT id FROM organizations.organization WHERE id = :id FOR SHARE").param("id", id.value())
                .query(UUID.class).optional().isPresent();
    }

    Optional<Organization> find(OrganizationId id) {
        return jdbc.sql("""
                SELECT o.id, o.code, o.name, o.kind, o.parent_id, o.established_on, o.dissolved_on,
                       (SELECT valid_from FROM organizations.organization_period p
                        WHERE p.organization_id = o.id AND p.valid_to IS NULL) AS period_since
                FROM organizations.organization o WHERE o.id = :id
                """).param("id", id.value())
                .query((rs, row) -> {
                    UUID parent = rs.getObject("parent_id", UUID.class);
                    return Organization.restore(id, rs.getString("code"), rs.getString("name"),
                            OrganizationKind.valueOf(rs.getString("kind")),
                            parent == null ? null : new OrganizationId(parent),
                            rs.getObject("established_on", LocalDate.class),
                            rs.getObject("dissolved_on", LocalDate.class),
                            rs.getObject("period_since", LocalDate.class));
                }).optional();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations.organization WHERE lower(code) = lower(:code))")
                .param("code", code.trim()).query(Boolean.class).single();
    }

    /** Members on its rolls and live organizations under it: what keeps it from being dissolved. */
    int remaining(OrganizationId id) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM organizations.member WHERE organization_id = :id
                          AND status IN (%s))
                     + (SELECT count(*) FROM organizations.organization WHERE parent_id = :id AND dissolved_on IS NULL)
                """.formatted(Rows.ON_ROLLS)).param("id", id.value()).query(Integer.class).single();
    }

    List<HeldRole> heldRoles(OrganizationId id) {
        return jdbc.sql("""
                SELECT id, member_id, role, valid_from FROM organizations.role_period
                WHERE organization_id = :id AND valid_to IS NULL ORDER BY valid_from
                """).param("id", id.value())
                .query((rs, row) -> new HeldRole(rs.getObject("id", UUID.class), id,
                        new MemberId(rs.getObject("member_id", UUID.class)),
                        OrganizationRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class)))
                .list();
    }

    Optional<HeldRole> heldRole(OrganizationId organization, UUID assignment) {
        return heldRoles(organization).stream().filter(r -> r.assignment().equals(assignment)).findFirst();
    }

    /** A role of the organization as recorded, held now or ended, cancelled or not. */
    Optional<RecordedRole> recordedRole(OrganizationId organization, UUID assignment) {
        return jdbc.sql("""
                SELECT id, member_id, role, valid_from, recorded_by, cancelled_at FROM organizations.role_period
                WHERE organization_id = :o AND id = :id
                """).param("o", organization.value()).param("id", assignment)
                .query((rs, row) -> new RecordedRole(assignment, organization,
                        new MemberId(rs.getObject("member_id", UUID.class)),
                        OrganizationRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class),
                        rs.getString("recorded_by"), rs.getObject("cancelled_at") != null))
                .optional();
    }

    boolean holds(OrganizationId organization, MemberId member, OrganizationRole role) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM organizations.role_period WHERE organization_id = :o AND member_id = :m
                               AND role = :role AND valid_to IS NULL)
                """).param("o", organization.value()).param("m", member.value()).param("role", role.name())
                .query(Boolean.class).single();
    }

    /** The agency with this code, created when new; its name and head are updated. */
    UUID agency(String code, String name, String head) {
        return jdbc.sql("""
                INSERT INTO organizations.agency (id, code, name, head_name) VALUES (:id, :code, :name, :head)
                ON CONFLICT (lower(code)) DO UPDATE SET name = excluded.name, head_name = excluded.head_name
                RETURNING id
                """).param("id", UUID.randomUUID()).param("code", code.trim()).param("name", name.trim())
                .param("head", head == null || head.isBlank() ? null : head.trim()).query(UUID.class).single();
    }

    /** A new organization and its first period of parent and name, from its establishment. */
    void insert(Organization organization) {
        jdbc.sql("""
                INSERT INTO organizations.organization (id, code, name, kind, parent_id, established_on, version)
                VALUES (:id, :code, :name, :kind, :parent, :established, 0)
                """).param("id", organization.id().value()).param("code", organization.code())
                .param("name", organization.name()).param("kind", organization.kind().name())
                .param("parent", organization.parent() == null ? null : organization.parent().value())
                .param("established", organization.establishedOn()).update();
        openPeriod(organization, organization.establishedOn());
    }

    /** The row as the object is now, and the history as the events tell it. */
    void save(Organization organization, List<? extends DomainEvent> events) {
        jdbc.sql("""
                UPDATE organizations.organization SET name = :name, parent_id = :parent, dissolved_on = :dissolved,
                    version = version + 1
                WHERE id = :id
                """).param("name", organization.name())
                .param("parent", organization.parent() == null ? null : organization.parent().value())
                .param("dissolved", organization.dissolvedOn()).param("id", organization.id().value()).update();
        for (DomainEvent event : events) {
            if (event instanceof OrganizationMoved e) {
                closePeriod(e.organization(), e.on());
                openPeriod(organization, e.on());
            } else if (event instanceof OrganizationRenamed e) {
                closePeriod(e.organization(), e.on());
                openPeriod(organization, e.on());
            } else if (event instanceof OrganizationDissolved e) {
                closePeriod(e.organization(), e.on());
            } else if (event instanceof AgencyAssigned e) {
                jdbc.sql("UPDATE organizations.organization SET agency_id = :agency WHERE id = :id")
                        .param("agency", e.agency()).param("id", e.organization().value()).update();
            } else if (event instanceof RoleAssigned e) {
                RoleHistory.start(jdbc, e, recorder);
            } else if (event instanceof RoleEnded e) {
                RoleHistory.end(jdbc, e, false);
            } else if (event instanceof RoleCancelled e) {
                RoleHistory.cancel(jdbc, e, recorder);
            }
        }
    }

    private void openPeriod(Organization organization, LocalDate from) {
        jdbc.sql("""
                INSERT INTO organizations.organization_period (organization_id, parent_id, name, valid_from)
                VALUES (:id, :parent, :name, :from)
                """).param("id", organization.id().value())
                .param("parent", organization.parent() == null ? null : organization.parent().value())
                .param("name", organization.name()).param("from", from).update();
    }

    private void closePeriod(OrganizationId id, LocalDate on) {
        jdbc.sql("""
                UPDATE organizations.organization_period SET valid_to = :on
                WHERE organization_id = :id AND valid_to IS NULL
                """).param("on", on).param("id", id.value()).update();
    }
}
