package org.cadre.organizations.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TransferMember;
import org.cadre.organizations.Visibility;
import org.cadre.organizations.domain.Member;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Members, their membership and status over time. A change locks and loads the {@link Member} with the slice of
 * history it needs, applies the transition, writes what it did through the {@link MemberStore} and publishes its
 * events, in one transaction.
 */
@Service
@Validated
@Transactional
class MemberService implements Members {

    private final MemberStore store;
    private final JdbcClient jdbc;
    private final OrganizationService organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberService(MemberStore store, JdbcClient jdbc, OrganizationService organizations,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public MemberId admit(AdmitMember command) {
        if (store.cardTaken(command.cardNumber())) {
            throw new Refused(OrganizationRefusal.CARD_TAKEN, command.cardNumber().trim());
        }
        Member.Admission admission = Member.admit(command, target(command.organizationId()));
        try {
            store.insert(admission.member());
        } catch (DuplicateKeyException raced) {
            // another request took the card number between the check and the insert
            throw new Refused(OrganizationRefusal.CARD_TAKEN, command.cardNumber().trim());
        }
        events.publishEvent(admission.event());
        return admission.member().id();
    }

    /** The organization a member goes into, as the member's rules see it. */
    OrganizationSummary target(UUID organization) {
        return organizations.findShared(new OrganizationId(organization))
                .orElseThrow(() -> new Refused(OrganizationRefusal.TARGET_UNKNOWN, organization));
    }

    @Override
    public void correct(MemberId id, CorrectMember command) {
        change(id, member -> List.of(member.correct(command)));
    }

    @Override
    public void confirm(MemberId id, DatedChange command) {
        change(id, member -> List.of(member.confirm(command.on())));
    }

    @Override
    public void transfer(MemberId id, TransferMember command) {
        change(id, member -> member.transfer(target(command.organizationId()), command.on()));
    }

    @Override
    public void exempt(MemberId id, DatedChange command) {
        change(id, member -> List.of(member.exempt(command.on(), reason(command.reason()))));
    }

    @Override
    public void suspend(MemberId id, DatedChange command) {
        change(id, member -> List.of(member.suspend(command.on(), reason(command.reason()))));
    }

    @Override
    public void reinstate(MemberId id, DatedChange command) {
        change(id, member -> List.of(member.reinstate(command.on(), reason(command.reason()))));
    }

    @Override
    public void end(MemberId id, EndMembership command) {
        change(id, member -> member.end(command.how(), command.on(), reason(command.reason())));
    }

    /** Locks and loads the member, applies the transition, writes what it did and publishes its events. */
    private void change(MemberId id, Function<Member, List<? extends DomainEvent>> transition) {
        Member member = store.locked(id).orElseThrow(() -> new Refused(OrganizationRefusal.MEMBER_UNKNOWN, id));
        List<? extends DomainEvent> raised = transition.apply(member);
        store.save(member, raised);
        raised.forEach(events::publishEvent);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? null : reason.trim();
    }

    // ---------------------------------------------------------------- reading

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberSummary> find(MemberId id) {
        return jdbc.sql(Rows.MEMBER + " WHERE m.id = :id").param("id", id.value()).query(Rows::member).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberSummary> findByCard(String cardNumber) {
        return jdbc.sql(Rows.MEMBER + " WHERE m.card_number = :card").param("card", cardNumber.trim())
                .query(Rows::member).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberSummary> list(OrganizationId organization, boolean subtree, LocalDate asOf) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        // the subtree as it was on that date: parents from the organization periods
        String organizationsIn = subtree ? """
                WITH RECURSIVE tree (id) AS (
                    SELECT CAST(:root AS UUID)
                    UNION ALL
                    SELECT p.organization_id FROM organizations.organization_period p JOIN tree ON p.parent_id = tree.id
                    WHERE p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to > :on)
                )
                """ : "WITH tree (id) AS (SELECT CAST(:root AS UUID))\n";
        return jdbc.sql(organizationsIn + """
                SELECT m.id, m.card_number, m.family_name, m.middle_name, m.given_name, m.born_on, m.sex,
                       m.national_id, m.admitted_on, m.confirmed_on, m.civil_servant, m.position,
                       p.organization_id, o.name AS organization_name,
                       coalesce(s.status, m.status) AS status, s.valid_from AS status_since
                FROM organizations.membership_period p
                JOIN organizations.member m ON m.id = p.member_id
                JOIN organizations.organization o ON o.id = p.organization_id
                LEFT JOIN organizations.member_status_period s ON s.member_id = m.id
                     AND s.valid_from <= :on AND (s.valid_to IS NULL OR s.valid_to > :on)
                WHERE p.organization_id IN (SELECT id FROM tree)
                  AND p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to > :on)
                ORDER BY m.sort_key COLLATE "C", m.card_number
                """).param("root", organization.value()).param("on", on).query(Rows::member).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberSummary> search(String query, Visibility visibility, int limit) {
        String folded = VietnameseText.fold(query == null ? "" : query);
        if (folded.isEmpty() || visibility.isNothing()) {
            return List.of();
        }
        String pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String scope = visibility.isEverything() ? "" : " AND m.organization_id IN (" + Rows.SUBTREE
                + " SELECT id FROM tree)\n";
        return jdbc.sql(Rows.MEMBER + """
                 WHERE (m.search_name LIKE :pattern OR lower(m.card_number) LIKE :pattern)
                """ + scope + """
                 ORDER BY m.sort_key COLLATE "C", m.card_number LIMIT :limit
                """).param("pattern", pattern)
                .param("roots", visibility.roots().stream().map(OrganizationId::value).toArray(UUID[]::new))
                .param("limit", Math.max(1, Math.min(limit, 500))).query(Rows::member).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(MemberId id) {
        List<HistoryEntry> memberships = jdbc.sql("""
                SELECT o.name, p.valid_from, p.valid_to FROM organizations.membership_period p
                JOIN organizations.organization o ON o.id = p.organization_id
                WHERE p.member_id = :id ORDER BY p.valid_from
                """).param("id", id.value())
                .query((rs, row) -> new HistoryEntry("MEMBERSHIP", rs.getString("name"), null,
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
        List<HistoryEntry> statuses = jdbc.sql("""
                SELECT status, reason, valid_from, valid_to FROM organizations.member_status_period
                WHERE member_id = :id ORDER BY valid_from
                """).param("id", id.value())
                .query((rs, row) -> new HistoryEntry("STATUS", rs.getString("status"), rs.getString("reason"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
        return Stream.concat(memberships.stream(), statuses.stream())
                .sorted(Comparator.comparing(HistoryEntry::from)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<MemberSummary> consumer) {
        try (var rows = jdbc.sql(Rows.MEMBER + " ORDER BY m.card_number").withFetchSize(1000)
                .query(Rows::member).stream()) {
            rows.forEach(consumer);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachRole(Consumer<RoleAssignment> consumer) {
        try (var rows = jdbc.sql("""
                SELECT id, organization_id, member_id, role, valid_from, valid_to FROM organizations.role_period
                ORDER BY id
                """).withFetchSize(1000)
                .query((rs, row) -> new RoleAssignment(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)), null,
                        OrganizationRole.valueOf(rs.getString("role")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .stream()) {
            rows.forEach(consumer);
        }
    }
}
