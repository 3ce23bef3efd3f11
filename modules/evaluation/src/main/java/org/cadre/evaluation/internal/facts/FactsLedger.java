package org.cadre.evaluation.internal.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the rows of the facts ledger (V4), one method per kind of fact, for the listeners and the rebuild alike:
 * the rebuild writes exactly the rows the events write. Every write is keyed by the source's own id or by subject
 * and date and converges whatever the order: a value that comes with a date or a time keeps the latest, a value
 * that cannot change is written once, a cancellation is a tombstone that the change it cancels never clears.
 */
@Component
class FactsLedger {

    private final JdbcClient jdbc;

    FactsLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- organizations

    void organizationRegistered(OrganizationId id, OrganizationId parent, String code, String name,
            OrganizationKind kind, LocalDate establishedOn) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization (organization_id, code, kind, established_on)
                VALUES (:id, :code, :kind, :on)
                ON CONFLICT (organization_id) DO UPDATE SET code = excluded.code, kind = excluded.kind,
                    established_on = excluded.established_on
                """).param("id", id.value()).param("code", code).param("kind", kind.name())
                .param("on", establishedOn).update();
        // a move or rename on the day of the registration, handled first, is the later fact: it stays
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_parent (organization_id, valid_from, parent_id)
                VALUES (:id, :on, :parent) ON CONFLICT DO NOTHING
                """).param("id", id.value()).param("on", establishedOn).param("parent", uuid(parent)).update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_name (organization_id, valid_from, name)
                VALUES (:id, :on, :name) ON CONFLICT DO NOTHING
                """).param("id", id.value()).param("on", establishedOn).param("name", name).update();
    }

    void organizationMoved(OrganizationId id, OrganizationId to, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_parent (organization_id, valid_from, parent_id)
                VALUES (:id, :on, :parent)
                ON CONFLICT (organization_id, valid_from) DO UPDATE SET parent_id = excluded.parent_id
                """).param("id", id.value()).param("on", on).param("parent", uuid(to)).update();
    }

    void organizationRenamed(OrganizationId id, String name, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization_name (organization_id, valid_from, name)
                VALUES (:id, :on, :name)
                ON CONFLICT (organization_id, valid_from) DO UPDATE SET name = excluded.name
                """).param("id", id.value()).param("on", on).param("name", name).update();
    }

    void organizationDissolved(OrganizationId id, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_organization (organization_id, dissolved_on) VALUES (:id, :on)
                ON CONFLICT (organization_id) DO UPDATE SET dissolved_on = excluded.dissolved_on
                """).param("id", id.value()).param("on", on).update();
    }

    // ---- members

    /** The admission: the member's details (unless a correction arrived first), membership and status. */
    void memberAdmitted(MemberId member, OrganizationId organization, String cardNumber, String fullName,
            LocalDate admittedOn, LocalDate confirmedOn, boolean civilServant) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_member (member_id, card_number, full_name, admitted_on, confirmed_on,
                    civil_servant)
                VALUES (:id, :card, :name, :admitted, :confirmed, :civil)
                ON CONFLICT (member_id) DO UPDATE SET card_number = excluded.card_number,
                    admitted_on = excluded.admitted_on,
                    confirmed_on = COALESCE(fact_member.confirmed_on, excluded.confirmed_on),
                    full_name = CASE WHEN fact_member.details_at IS NULL THEN excluded.full_name
                        ELSE fact_member.full_name END,
                    civil_servant = CASE WHEN fact_member.details_at IS NULL THEN excluded.civil_servant
                        ELSE fact_member.civil_servant END
                """).param("id", member.value()).param("card", cardNumber).param("name", fullName)
                .param("admitted", admittedOn).param("confirmed", confirmedOn).param("civil", civilServant)
                .update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_membership (member_id, valid_from, organization_id, admission)
                VALUES (:id, :on, :organization, TRUE)
                ON CONFLICT (member_id, valid_from, organization_id) DO UPDATE SET admission = TRUE
                """).param("id", member.value()).param("on", admittedOn).param("organization", organization.value())
                .update();
        jdbc.sql("""
                INSERT INTO evaluation.fact_status (member_id, valid_from, status, admission)
                VALUES (:id, :on, 'ACTIVE', TRUE)
                ON CONFLICT (member_id, valid_from, status) DO UPDATE SET admission = TRUE
                """).param("id", member.value()).param("on", admittedOn).update();
    }

    /** A correction: kept unless a later one (by the time it was recorded) is there already. */
    void detailsCorrected(MemberId member, String fullName, boolean civilServant, Instant at) {
        // a publication stored before corrections were stamped sorts before any stamped one
        Timestamp when = Timestamp.from(at == null ? Instant.EPOCH : at);
        jdbc.sql("""
                INSERT INTO evaluation.fact_member (member_id, full_name, civil_servant, details_at)
                VALUES (:id, :name, :civil, :at)
                ON CONFLICT (member_id) DO UPDATE SET full_name = excluded.full_name,
                    civil_servant = excluded.civil_servant, details_at = excluded.details_at
                WHERE fact_member.details_at IS NULL OR fact_member.details_at <= excluded.details_at
                """).param("id", member.value()).param("name", fullName).param("civil", civilServant)
                .param("at", when).update();
    }

    void confirmed(MemberId member, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_member (member_id, confirmed_on) VALUES (:id, :on)
                ON CONFLICT (member_id) DO UPDATE SET confirmed_on = excluded.confirmed_on
                """).param("id", member.value()).param("on", on).update();
    }

    /** A transfer, unless its cancellation arrived first (the tombstone stays). */
    void transferred(MemberId member, OrganizationId to, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_membership (member_id, valid_from, organization_id)
                VALUES (:id, :on, :organization) ON CONFLICT DO NOTHING
                """).param("id", member.value()).param("on", on).param("organization", to.value()).update();
    }

    void transferCancelled(MemberId member, OrganizationId to, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_membership (member_id, valid_from, organization_id, cancelled)
                VALUES (:id, :on, :organization, TRUE)
                ON CONFLICT (member_id, valid_from, organization_id) DO UPDATE SET cancelled = TRUE
                """).param("id", member.value()).param("on", on).param("organization", to.value()).update();
    }

    /** A status change (exempt, suspended, reinstated as ACTIVE, off the rolls), unless already cancelled. */
    void status(MemberId member, MemberStatus status, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_status (member_id, valid_from, status)
                VALUES (:id, :on, :status) ON CONFLICT DO NOTHING
                """).param("id", member.value()).param("on", on).param("status", status.name()).update();
    }

    void statusCancelled(MemberId member, MemberStatus cancelled, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_status (member_id, valid_from, status, cancelled)
                VALUES (:id, :on, :status, TRUE)
                ON CONFLICT (member_id, valid_from, status) DO UPDATE SET cancelled = TRUE
                """).param("id", member.value()).param("on", on).param("status", cancelled.name()).update();
    }

    void roleAssigned(UUID assignment, OrganizationId organization, MemberId member, String role, LocalDate from) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_role (assignment_id, organization_id, member_id, role, valid_from)
                VALUES (:id, :organization, :member, :role, :from)
                ON CONFLICT (assignment_id) DO UPDATE SET valid_from = excluded.valid_from
                """).param("id", assignment).param("organization", organization.value())
                .param("member", member.value()).param("role", role).param("from", from).update();
    }

    void roleEnded(UUID assignment, OrganizationId organization, MemberId member, String role, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_role (assignment_id, organization_id, member_id, role, valid_to)
                VALUES (:id, :organization, :member, :role, :on)
                ON CONFLICT (assignment_id) DO UPDATE SET valid_to = excluded.valid_to
                """).param("id", assignment).param("organization", organization.value())
                .param("member", member.value()).param("role", role).param("on", on).update();
    }

    void roleCancelled(UUID assignment, OrganizationId organization, MemberId member, String role, LocalDate from) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_role (assignment_id, organization_id, member_id, role, valid_from,
                    cancelled)
                VALUES (:id, :organization, :member, :role, :from, TRUE)
                ON CONFLICT (assignment_id) DO UPDATE SET cancelled = TRUE
                """).param("id", assignment).param("organization", organization.value())
                .param("member", member.value()).param("role", role).param("from", from).update();
    }

    /** A role as the rebuild reads it: start and end known together. */
    void role(UUID assignment, OrganizationId organization, MemberId member, String role, LocalDate from,
            LocalDate until) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_role (assignment_id, organization_id, member_id, role, valid_from,
                    valid_to)
                VALUES (:id, :organization, :member, :role, :from, :until)
                ON CONFLICT (assignment_id) DO UPDATE SET valid_from = excluded.valid_from,
                    valid_to = COALESCE(excluded.valid_to, fact_role.valid_to)
                """).param("id", assignment).param("organization", organization.value())
                .param("member", member.value()).param("role", role).param("from", from).param("until", until)
                .update();
    }

    // ---- commitments

    void registerApproved(UUID register, MemberId member, OrganizationId organization, int year, int items) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_register (register_id, member_id, organization_id, year, items)
                VALUES (:id, :member, :organization, :year, :items)
                ON CONFLICT (register_id) DO UPDATE SET items = excluded.items
                """).param("id", register).param("member", member.value()).param("organization", organization.value())
                .param("year", year).param("items", items).update();
    }

    /** An assessment: the latest (by its date) wins; on the same day, a redelivery writes the same values. */
    void itemAssessed(UUID item, UUID register, MemberId member, OrganizationId organization, int year,
            boolean fulfilled, LocalDate assessedOn, boolean exceeded, boolean onTime) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_item (item_id, register_id, member_id, organization_id, year, outcome,
                    assessed_on, exceeded, on_time)
                VALUES (:id, :register, :member, :organization, :year, :outcome, :on, :exceeded, :onTime)
                ON CONFLICT (item_id) DO UPDATE SET outcome = excluded.outcome, assessed_on = excluded.assessed_on,
                    exceeded = excluded.exceeded, on_time = excluded.on_time
                WHERE fact_item.assessed_on IS NULL OR fact_item.assessed_on <= excluded.assessed_on
                """).param("id", item).param("register", register).param("member", member.value())
                .param("organization", organization.value()).param("year", year)
                .param("outcome", fulfilled ? "FULFILLED" : "MISSED").param("on", assessedOn)
                .param("exceeded", fulfilled && exceeded).param("onTime", fulfilled && onTime).update();
    }

    void itemOverdue(UUID item, UUID register, MemberId member, OrganizationId organization, int year) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_item (item_id, register_id, member_id, organization_id, year, overdue)
                VALUES (:id, :register, :member, :organization, :year, TRUE)
                ON CONFLICT (item_id) DO UPDATE SET overdue = TRUE
                """).param("id", item).param("register", register).param("member", member.value())
                .param("organization", organization.value()).param("year", year).update();
    }

    void studied(MemberId member, UUID campaign, OrganizationId organization, int year, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_study (member_id, campaign_id, organization_id, year, studied_on)
                VALUES (:member, :campaign, :organization, :year, :on) ON CONFLICT DO NOTHING
                """).param("member", member.value()).param("campaign", campaign)
                .param("organization", organization.value()).param("year", year).param("on", on).update();
    }

    void programmeAdopted(UUID programme, OrganizationId organization, int year, LocalDate on,
            boolean committeeSigned, boolean agencyHeadSigned) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_programme (programme_id, organization_id, year, adopted_on,
                    committee_signed, agency_head_signed)
                VALUES (:id, :organization, :year, :on, :committee, :head) ON CONFLICT DO NOTHING
                """).param("id", programme).param("organization", organization.value()).param("year", year)
                .param("on", on).param("committee", committeeSigned).param("head", agencyHeadSigned).update();
    }

    void regulationReviewed(UUID review, OrganizationId organization, int year, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_regulation_review (review_id, organization_id, year, reviewed_on)
                VALUES (:id, :organization, :year, :on) ON CONFLICT DO NOTHING
                """).param("id", review).param("organization", organization.value()).param("year", year)
                .param("on", on).update();
    }

    // ---- supervision

    void meeting(UUID meeting, OrganizationId organization, String kind, LocalDate heldOn) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_meeting (meeting_id, organization_id, kind, held_on, year)
                VALUES (:id, :organization, :kind, :on, :year) ON CONFLICT DO NOTHING
                """).param("id", meeting).param("organization", organization.value()).param("kind", kind)
                .param("on", heldOn).param("year", heldOn.getYear()).update();
    }

    void attendance(UUID meeting, MemberId member, OrganizationId organization, LocalDate heldOn, String attendance) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_attendance (meeting_id, member_id, organization_id, held_on, year,
                    attendance)
                VALUES (:meeting, :member, :organization, :on, :year, :attendance) ON CONFLICT DO NOTHING
                """).param("meeting", meeting).param("member", member.value())
                .param("organization", organization.value()).param("on", heldOn).param("year", heldOn.getYear())
                .param("attendance", attendance).update();
    }

    void reminded(UUID reminder, MemberId member, OrganizationId organization, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_reminder (reminder_id, member_id, organization_id, reminded_on, year)
                VALUES (:id, :member, :organization, :on, :year) ON CONFLICT DO NOTHING
                """).param("id", reminder).param("member", member.value())
                .param("organization", organization.value()).param("on", on).param("year", on.getYear()).update();
    }

    void discipline(UUID discipline, UUID violation, MemberId member, OrganizationId organization, String form,
            LocalDate decidedOn, boolean selfDetected, boolean remedied) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_discipline (discipline_id, violation_id, member_id, organization_id,
                    form, decided_on, year, self_detected, remedied)
                VALUES (:id, :violation, :member, :organization, :form, :on, :year, :self, :remedied)
                ON CONFLICT DO NOTHING
                """).param("id", discipline).param("violation", violation)
                .param("member", member == null ? null : member.value()).param("organization", organization.value())
                .param("form", form).param("on", decidedOn).param("year", decidedOn.getYear())
                .param("self", selfDetected).param("remedied", remedied).update();
    }

    void findingRecorded(UUID finding, MemberId member, OrganizationId organization, LocalDate recordedOn,
            LocalDate remedyDue) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_finding (finding_id, member_id, organization_id, recorded_on, remedy_due)
                VALUES (:id, :member, :organization, :on, :due)
                ON CONFLICT (finding_id) DO UPDATE SET member_id = excluded.member_id,
                    organization_id = excluded.organization_id, recorded_on = excluded.recorded_on,
                    remedy_due = excluded.remedy_due
                """).param("id", finding).param("member", member == null ? null : member.value())
                .param("organization", uuid(organization)).param("on", recordedOn).param("due", remedyDue).update();
    }

    void findingResolved(UUID finding, MemberId member, OrganizationId organization, LocalDate on) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_finding (finding_id, member_id, organization_id, resolved_on)
                VALUES (:id, :member, :organization, :on)
                ON CONFLICT (finding_id) DO UPDATE SET resolved_on = excluded.resolved_on
                """).param("id", finding).param("member", member == null ? null : member.value())
                .param("organization", uuid(organization)).param("on", on).update();
    }

    void comment(UUID comment, MemberId member, OrganizationId organization, int year, String stance) {
        jdbc.sql("""
                INSERT INTO evaluation.fact_comment (comment_id, member_id, organization_id, year, stance)
                VALUES (:id, :member, :organization, :year, :stance) ON CONFLICT DO NOTHING
                """).param("id", comment).param("member", member == null ? null : member.value())
                .param("organization", organization.value()).param("year", year).param("stance", stance).update();
    }

    private static UUID uuid(OrganizationId id) {
        return id == null ? null : id.value();
    }
}
