package org.cadre.organizations.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.RoleEnded;
import org.cadre.organizations.Sex;
import org.cadre.organizations.domain.HeldRole;
import org.cadre.organizations.domain.Member;
import org.cadre.organizations.domain.Person;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads a {@link Member} with the slice of history a change needs, and writes what a transition did: the member
 * row from the object's state, the history periods from the events it raised. Runs in the service's transaction.
 */
@Component
class MemberStore {

    private final JdbcClient jdbc;

    MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the member row for the rest of the transaction, then reads the member: every change starts here, so
     * two concurrent changes of one member run one after the other and the second sees the first's periods.
     */
    Optional<Member> locked(MemberId id) {
        // the lock first, in a statement of its own: the reads after it see what a change that held the lock
        // committed (a locking read re-reads the row it waited for, not the periods it reads beside it)
        if (jdbc.sql("SELECT id FROM organizations.member WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(UUID.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT m.id, m.card_number, m.family_name, m.middle_name, m.given_name, m.born_on, m.sex,
                       m.national_id, m.admitted_on, m.confirmed_on, m.civil_servant, m.position, m.organization_id,
                       m.status,
                       (SELECT valid_from FROM organizations.membership_period p
                        WHERE p.member_id = m.id AND p.valid_to IS NULL) AS membership_since,
                       (SELECT valid_from FROM organizations.member_status_period s
                        WHERE s.member_id = m.id AND s.valid_to IS NULL) AS status_since
                FROM organizations.member m WHERE m.id = :id
                """).param("id", id.value()).query((rs, row) -> Member.restore(id, rs.getString("card_number"),
                        new Person(rs.getString("family_name"), rs.getString("middle_name"),
                                rs.getString("given_name"), rs.getObject("born_on", LocalDate.class),
                                Sex.valueOf(rs.getString("sex")), rs.getString("national_id"),
                                rs.getBoolean("civil_servant"), rs.getString("position")),
                        rs.getObject("admitted_on", LocalDate.class), rs.getObject("confirmed_on", LocalDate.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        MemberStatus.valueOf(rs.getString("status")),
                        rs.getObject("membership_since", LocalDate.class),
                        rs.getObject("status_since", LocalDate.class), heldRoles(id)))
                .optional();
    }

    private List<HeldRole> heldRoles(MemberId id) {
        return jdbc.sql("""
                SELECT id, organization_id, role, valid_from FROM organizations.role_period
                WHERE member_id = :id AND valid_to IS NULL ORDER BY valid_from
                """).param("id", id.value())
                .query((rs, row) -> new HeldRole(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)), id,
                        OrganizationRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class)))
                .list();
    }

    boolean cardTaken(String cardNumber) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations.member WHERE card_number = :card)")
                .param("card", cardNumber.trim()).query(Boolean.class).single();
    }

    /** A new member: the row and their first membership and status periods, from the admission date. */
    void insert(Member member) {
        Person person = member.person();
        jdbc.sql("""
                INSERT INTO organizations.member (id, card_number, family_name, middle_name, given_name, search_name,
                    sort_key, born_on, sex, national_id, admitted_on, confirmed_on, civil_servant, position,
                    organization_id, status)
                VALUES (:id, :card, :family, :middle, :given, :search, :sort, :born, :sex, :nid, :admitted,
                    :confirmed, :civil, :position, :organization, :status)
                """).param("id", member.id().value()).param("card", member.cardNumber())
                .param("family", person.familyName()).param("middle", person.middleName())
                .param("given", person.givenName()).param("search", VietnameseText.fold(person.fullName()))
                .param("sort", VietnameseText.sortKey(person.familyName(), person.middleName(), person.givenName()))
                .param("born", person.bornOn()).param("sex", person.sex().name()).param("nid", person.nationalId())
                .param("admitted", member.admittedOn()).param("confirmed", member.confirmedOn().orElse(null))
                .param("civil", person.civilServant()).param("position", person.position())
                .param("organization", member.organization().value()).param("status", member.status().name())
                .update();
        jdbc.sql("""
                INSERT INTO organizations.membership_period (member_id, organization_id, valid_from)
                VALUES (:id, :organization, :from)
                """).param("id", member.id().value()).param("organization", member.organization().value())
                .param("from", member.admittedOn()).update();
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, valid_from)
                VALUES (:id, :status, :from)
                """).param("id", member.id().value()).param("status", member.status().name())
                .param("from", member.admittedOn()).update();
    }

    /** The member row as the object is now, and the history as the events tell it. */
    void save(Member member, List<? extends DomainEvent> events) {
        Person person = member.person();
        jdbc.sql("""
                UPDATE organizations.member SET family_name = :family, middle_name = :middle, given_name = :given,
                    search_name = :search, sort_key = :sort, born_on = :born, sex = :sex, national_id = :nid,
                    confirmed_on = :confirmed, civil_servant = :civil, position = :position,
                    organization_id = :organization, status = :status, version = version + 1
                WHERE id = :id
                """).param("family", person.familyName()).param("middle", person.middleName())
                .param("given", person.givenName()).param("search", VietnameseText.fold(person.fullName()))
                .param("sort", VietnameseText.sortKey(person.familyName(), person.middleName(), person.givenName()))
                .param("born", person.bornOn()).param("sex", person.sex().name()).param("nid", person.nationalId())
                .param("confirmed", member.confirmedOn().orElse(null)).param("civil", person.civilServant())
                .param("position", person.position()).param("organization", member.organization().value())
                .param("status", member.status().name()).param("id", member.id().value()).update();
        for (DomainEvent event : events) {
            if (event instanceof MemberTransferred e) {
                closeMembership(e.member(), e.on());
                jdbc.sql("""
                        INSERT INTO organizations.membership_period (member_id, organization_id, valid_from)
                        VALUES (:id, :organization, :on)
                        """).param("id", e.member().value()).param("organization", e.to().value())
                        .param("on", e.on()).update();
            } else if (event instanceof MemberExempted e) {
                newStatus(e.member(), MemberStatus.EXEMPT, e.on(), e.reason());
            } else if (event instanceof MemberSuspended e) {
                newStatus(e.member(), MemberStatus.SUSPENDED, e.on(), e.reason());
            } else if (event instanceof MemberReinstated e) {
                newStatus(e.member(), MemberStatus.ACTIVE, e.on(), e.reason());
            } else if (event instanceof MemberLeft e) {
                newStatus(e.member(), e.how(), e.on(), e.reason());
                closeMembership(e.member(), e.on());
            } else if (event instanceof RoleEnded e) {
                RoleHistory.end(jdbc, e);
            }
        }
    }

    private void closeMembership(MemberId member, LocalDate on) {
        jdbc.sql("""
                UPDATE organizations.membership_period SET valid_to = :on WHERE member_id = :id AND valid_to IS NULL
                """).param("on", on).param("id", member.value()).update();
    }

    private void newStatus(MemberId member, MemberStatus status, LocalDate on, String reason) {
        jdbc.sql("""
                UPDATE organizations.member_status_period SET valid_to = :on WHERE member_id = :id AND valid_to IS NULL
                """).param("on", on).param("id", member.value()).update();
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, reason, valid_from)
                VALUES (:id, :status, :reason, :on)
                """).param("id", member.value()).param("status", status.name()).param("reason", reason)
                .param("on", on).update();
    }
}
