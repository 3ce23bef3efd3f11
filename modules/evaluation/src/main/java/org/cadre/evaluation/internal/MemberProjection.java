package org.cadre.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedMember;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.RoleAssignment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation's copy of members and roles, fed only by events. Every write is an upsert or sets a value, so a
 * redelivered event changes nothing.
 */
@Service
class MemberProjection {

    private final JdbcClient jdbc;

    MemberProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void admitted(MemberAdmitted e) {
        jdbc.sql("""
                INSERT INTO evaluation.member_projection (member_id, organization_id, card_number, full_name, born_on,
                    sex, admitted_on, confirmed_on, civil_servant, status, status_since)
                VALUES (:id, :organization, :card, :name, :born, :sex, :admitted, :confirmed, :civil, 'ACTIVE',
                    :admitted)
                ON CONFLICT (member_id) DO NOTHING
                """).param("id", e.member().value()).param("organization", e.organization().value())
                .param("card", e.cardNumber()).param("name", e.fullName()).param("born", e.bornOn())
                .param("sex", e.sex().name()).param("admitted", e.admittedOn()).param("confirmed", e.confirmedOn())
                .param("civil", e.civilServant()).update();
    }

    /**
     * After any change of a member: the member as the facade knows them now, with the start of their current
     * status. Listeners run asynchronously and may handle one member's events out of order (a correction before
     * the admission); reading the current state makes the projection converge whatever the order.
     */
    @Transactional
    void refresh(MemberId id, Members members) {
        members.find(id).ifPresent(m -> {
            List<Object[]> one = new ArrayList<>();
            one.add(memberRow(m));
            flushMembers(one);
        });
    }

    /** After a role is assigned or ended: the organization's roles as the facade knows them now. */
    @Transactional
    void refreshRoles(OrganizationId organization, org.cadre.organizations.Organizations organizations) {
        organizations.roles(organization, null).forEach(this::upsertRole);
    }

    /** A role recorded by mistake and cancelled: as if it had never been assigned. */
    @Transactional
    void removeRole(java.util.UUID assignment) {
        jdbc.sql("DELETE FROM evaluation.role_projection WHERE assignment_id = :id").param("id", assignment).update();
    }

    /**
     * Rebuild after a bulk load, streaming the members (with the start of their current status) and roles from the
     * organizations facade.
     */
    @Transactional
    void rebuild(Members members) {
        List<Object[]> batch = new ArrayList<>();
        members.forEach(m -> {
            batch.add(memberRow(m));
            if (batch.size() == 1000) {
                flushMembers(batch);
            }
        });
        flushMembers(batch);
        members.forEachRole(this::upsertRole);
    }

    private static Object[] memberRow(MemberSummary m) {
        return new Object[] {m.id().value(), m.organizationId().value(), m.cardNumber(), m.fullName(), m.bornOn(),
                m.sex().name(), m.admittedOn(), m.confirmedOn(), m.civilServant(), m.status().name(),
                m.statusSince() == null ? m.admittedOn() : m.statusSince()};
    }

    private void flushMembers(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO evaluation.member_projection (member_id, organization_id, card_number, full_name, born_on,
                    sex, admitted_on, confirmed_on, civil_servant, status, status_since)
                SELECT * FROM unnest(CAST(:ids AS UUID[]), CAST(:orgs AS UUID[]), CAST(:cards AS VARCHAR[]),
                    CAST(:names AS VARCHAR[]), CAST(:born AS DATE[]), CAST(:sex AS VARCHAR[]),
                    CAST(:admitted AS DATE[]), CAST(:confirmed AS DATE[]), CAST(:civil AS BOOLEAN[]),
                    CAST(:status AS VARCHAR[]), CAST(:since AS DATE[]))
                ON CONFLICT (member_id) DO UPDATE SET organization_id = excluded.organization_id,
                    card_number = excluded.card_number, full_name = excluded.full_name, born_on = excluded.born_on,
                    sex = excluded.sex, admitted_on = excluded.admitted_on, confirmed_on = excluded.confirmed_on,
                    civil_servant = excluded.civil_servant, status = excluded.status,
                    status_since = excluded.status_since
                """)
                .param("ids", column(batch, 0, UUID[]::new)).param("orgs", column(batch, 1, UUID[]::new))
                .param("cards", column(batch, 2, String[]::new)).param("names", column(batch, 3, String[]::new))
                .param("born", dates(batch, 4)).param("sex", column(batch, 5, String[]::new))
                .param("admitted", dates(batch, 6)).param("confirmed", dates(batch, 7))
                .param("civil", column(batch, 8, Boolean[]::new)).param("status", column(batch, 9, String[]::new))
                .param("since", dates(batch, 10)).update();
        batch.clear();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int index, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out[i] = (T) rows.get(i)[index];
        }
        return out;
    }

    private static java.sql.Date[] dates(List<Object[]> rows, int index) {
        java.sql.Date[] out = new java.sql.Date[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            LocalDate date = (LocalDate) rows.get(i)[index];
            out[i] = date == null ? null : java.sql.Date.valueOf(date);
        }
        return out;
    }

    private void upsertRole(RoleAssignment r) {
        jdbc.sql("""
                INSERT INTO evaluation.role_projection (assignment_id, organization_id, member_id, role, valid_from,
                    valid_to)
                VALUES (:id, :organization, :member, :role, :from, :until)
                ON CONFLICT (assignment_id) DO UPDATE SET valid_to = excluded.valid_to
                """).param("id", r.id()).param("organization", r.organization().value())
                .param("member", r.member().value()).param("role", r.role().name()).param("from", r.from())
                .param("until", r.until()).update();
    }

    @Transactional(readOnly = true)
    Optional<EvaluatedMember> member(MemberId id) {
        return jdbc.sql("""
                SELECT organization_id, card_number, full_name, admitted_on, confirmed_on, status, status_since
                FROM evaluation.member_projection WHERE member_id = :id
                """).param("id", id.value())
                .query((rs, row) -> new EvaluatedMember(id, new OrganizationId(rs.getObject("organization_id",
                        UUID.class)), rs.getString("card_number"), rs.getString("full_name"),
                        rs.getObject("admitted_on", LocalDate.class), rs.getObject("confirmed_on", LocalDate.class),
                        MemberStatus.valueOf(rs.getString("status")), rs.getObject("status_since", LocalDate.class)))
                .optional();
    }

    @Transactional(readOnly = true)
    List<String> roles(MemberId id) {
        return jdbc.sql("""
                SELECT role || ':' || organization_id || CASE WHEN valid_to IS NULL THEN '' ELSE ':ended' END
                FROM evaluation.role_projection WHERE member_id = :id ORDER BY valid_from
                """).param("id", id.value()).query(String.class).list();
    }
}
