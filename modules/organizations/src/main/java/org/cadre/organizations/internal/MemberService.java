package org.cadre.organizations.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberConfirmed;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRejected;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.TransferMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Members, their membership and status over time. Current values sit on the member row; every change closes the
 * open period, opens a new one and publishes its event in the same transaction.
 */
@Service
@Transactional
class MemberService implements Members {

    private final JdbcClient jdbc;
    private final OrganizationService organizations;
    private final ApplicationEventPublisher events;

    MemberService(JdbcClient jdbc, OrganizationService organizations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.events = events;
    }

    @Override
    public MemberId admit(AdmitMember command) {
        String card = command.cardNumber().trim();
        if (findByCard(card).isPresent()) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "card-taken", "cardNumber", card);
        }
        OrganizationSummary organization = liveOrganization(new OrganizationId(command.organizationId()),
                "organizationId");
        if (command.confirmedOn() != null && command.confirmedOn().isBefore(command.admittedOn())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "confirmed-before-admitted",
                    "confirmedOn", card);
        }
        if (command.admittedOn().isBefore(command.bornOn().plusYears(18))) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "admitted-too-young", "admittedOn",
                    card);
        }
        UUID id = UUID.randomUUID();
        String middle = command.middleName() == null ? "" : command.middleName().trim();
        String family = command.familyName().trim();
        String given = command.givenName().trim();
        jdbc.sql("""
                INSERT INTO organizations.member (id, card_number, family_name, middle_name, given_name, search_name,
                    sort_key, born_on, sex, national_id, admitted_on, confirmed_on, civil_servant, position,
                    organization_id, status)
                VALUES (:id, :card, :family, :middle, :given, :search, :sort, :born, :sex, :nid, :admitted,
                    :confirmed, :civil, :position, :organization, 'ACTIVE')
                """).param("id", id).param("card", card).param("family", family).param("middle", middle)
                .param("given", given).param("search", VietnameseText.fold(String.join(" ", family, middle, given)))
                .param("sort", VietnameseText.sortKey(family, middle, given)).param("born", command.bornOn())
                .param("sex", command.sex().name())
                .param("nid", StringUtils.hasText(command.nationalId()) ? command.nationalId().trim() : null)
                .param("admitted", command.admittedOn()).param("confirmed", command.confirmedOn())
                .param("civil", command.civilServant())
                .param("position", StringUtils.hasText(command.position()) ? command.position().trim() : null)
                .param("organization", command.organizationId()).update();
        jdbc.sql("""
                INSERT INTO organizations.membership_period (member_id, organization_id, valid_from)
                VALUES (:id, :organization, :from)
                """).param("id", id).param("organization", command.organizationId())
                .param("from", command.admittedOn()).update();
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, valid_from)
                VALUES (:id, 'ACTIVE', :from)
                """).param("id", id).param("from", command.admittedOn()).update();
        MemberId member = new MemberId(id);
        events.publishEvent(new MemberAdmitted(member, organization.id(), card,
                String.join(" ", family, middle, given).replace("  ", " "), command.bornOn(), command.sex(),
                command.admittedOn(), command.confirmedOn(), command.civilServant()));
        return member;
    }

    private OrganizationSummary liveOrganization(OrganizationId id, String field) {
        OrganizationSummary organization = organizations.find(id).orElseThrow(
                () -> new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-unknown", field, id));
        if (organization.dissolved()) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-dissolved", field,
                    organization.name());
        }
        return organization;
    }

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
        LocalDate on = asOf == null ? LocalDate.now() : asOf;
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
    public List<MemberSummary> search(String query, Collection<OrganizationId> roots, int limit) {
        String folded = VietnameseText.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String scope = "";
        if (!roots.isEmpty()) {
            scope = """
                     AND m.organization_id IN (
                        WITH RECURSIVE tree (id) AS (
                            SELECT id FROM organizations.organization WHERE id = ANY (:roots)
                            UNION ALL
                            SELECT o.id FROM organizations.organization o JOIN tree ON o.parent_id = tree.id
                        ) SELECT id FROM tree)
                    """;
        }
        return jdbc.sql(Rows.MEMBER + """
                 WHERE (m.search_name LIKE :pattern OR lower(m.card_number) LIKE :pattern)
                """ + scope + """
                 ORDER BY m.sort_key COLLATE "C", m.card_number LIMIT :limit
                """).param("pattern", pattern)
                .param("roots", roots.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .param("limit", Math.max(1, Math.min(limit, 500))).query(Rows::member).list();
    }

    @Override
    public void correct(MemberId id, org.cadre.organizations.CorrectMember command) {
        MemberSummary member = locked(id);
        if (member.admittedOn().isBefore(command.bornOn().plusYears(18))) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "admitted-too-young", "bornOn",
                    member.cardNumber());
        }
        String family = command.familyName().trim();
        String middle = command.middleName() == null ? "" : command.middleName().trim();
        String given = command.givenName().trim();
        jdbc.sql("""
                UPDATE organizations.member SET family_name = :family, middle_name = :middle, given_name = :given,
                    search_name = :search, sort_key = :sort, born_on = :born, sex = :sex, national_id = :nid,
                    civil_servant = :civil, position = :position, version = version + 1
                WHERE id = :id
                """).param("family", family).param("middle", middle).param("given", given)
                .param("search", VietnameseText.fold(String.join(" ", family, middle, given)))
                .param("sort", VietnameseText.sortKey(family, middle, given)).param("born", command.bornOn())
                .param("sex", command.sex().name())
                .param("nid", StringUtils.hasText(command.nationalId()) ? command.nationalId().trim() : null)
                .param("civil", command.civilServant())
                .param("position", StringUtils.hasText(command.position()) ? command.position().trim() : null)
                .param("id", id.value()).update();
        events.publishEvent(new org.cadre.organizations.MemberDetailsCorrected(id,
                String.join(" ", family, middle, given).replace("  ", " "), command.bornOn(), command.sex(),
                command.civilServant(), StringUtils.hasText(command.position()) ? command.position().trim() : null));
    }

    @Override
    public void confirm(MemberId id, DatedChange command) {
        MemberSummary member = locked(id);
        if (member.confirmedOn() != null) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "member-confirmed", "confirmedOn", member.cardNumber());
        }
        requireOnRolls(member);
        if (command.on().isBefore(member.admittedOn())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "confirmed-before-admitted", "on",
                    member.cardNumber());
        }
        jdbc.sql("UPDATE organizations.member SET confirmed_on = :on, version = version + 1 WHERE id = :id")
                .param("on", command.on()).param("id", id.value()).update();
        events.publishEvent(new MemberConfirmed(id, member.organizationId(), command.on()));
    }

    @Override
    public void transfer(MemberId id, TransferMember command) {
        MemberSummary member = locked(id);
        requireOnRolls(member);
        OrganizationSummary target = liveOrganization(new OrganizationId(command.organizationId()),
                "organizationId");
        if (target.id().equals(member.organizationId())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "transfer-same", "organizationId",
                    target.name());
        }
        LocalDate from = openPeriodStart("membership_period", id);
        if (!command.on().isAfter(from)) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "date-before-current", "on",
                    command.on(), from);
        }
        requireNotBeforeOpenRoles(member, command.on());
        closeOpen("membership_period", id, command.on());
        jdbc.sql("""
                INSERT INTO organizations.membership_period (member_id, organization_id, valid_from)
                VALUES (:id, :organization, :on)
                """).param("id", id.value()).param("organization", target.id().value()).param("on", command.on())
                .update();
        jdbc.sql("""
                UPDATE organizations.member SET organization_id = :organization, version = version + 1 WHERE id = :id
                """).param("organization", target.id().value()).param("id", id.value()).update();
        // roles belong to the organization the member leaves
        organizations.endOpenRoles("member_id", id.value(), command.on());
        events.publishEvent(new MemberTransferred(id, member.organizationId(), target.id(), command.on()));
    }

    @Override
    public void exempt(MemberId id, DatedChange command) {
        MemberSummary member = changeStatus(id, MemberStatus.EXEMPT, command.on(), command.reason());
        events.publishEvent(new MemberExempted(id, member.organizationId(), command.on(), command.reason()));
    }

    @Override
    public void suspend(MemberId id, DatedChange command) {
        MemberSummary member = changeStatus(id, MemberStatus.SUSPENDED, command.on(), command.reason());
        events.publishEvent(new MemberSuspended(id, member.organizationId(), command.on(), command.reason()));
    }

    @Override
    public void reinstate(MemberId id, DatedChange command) {
        MemberSummary current = locked(id);
        if (current.status() == MemberStatus.ACTIVE) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "status-unchanged", "status", current.cardNumber());
        }
        MemberSummary member = changeStatus(id, MemberStatus.ACTIVE, command.on(), command.reason());
        events.publishEvent(new MemberReinstated(id, member.organizationId(), command.on()));
    }

    @Override
    public void end(MemberId id, EndMembership command) {
        if (command.how().isMember()) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "status-invalid", "how", command.how());
        }
        MemberSummary current = locked(id);
        requireOnRolls(current);
        // checked before anything is written: the membership and the roles end on that date too
        LocalDate membership = openPeriodStart("membership_period", id);
        if (!command.on().isAfter(membership)) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "date-before-period", "on",
                    named(current), command.on(), membership);
        }
        requireNotBeforeOpenRoles(current, command.on());
        MemberSummary member = changeStatus(id, command.how(), command.on(), command.reason());
        closeOpen("membership_period", id, command.on());
        organizations.endOpenRoles("member_id", id.value(), command.on());
        events.publishEvent(new MemberLeft(id, member.organizationId(), command.how(), command.on(),
                command.reason()));
    }

    private MemberSummary changeStatus(MemberId id, MemberStatus status, LocalDate on, String reason) {
        MemberSummary member = locked(id);
        requireOnRolls(member);
        if (member.status() == status) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "status-unchanged", "status", member.cardNumber());
        }
        LocalDate from = openPeriodStart("member_status_period", id);
        if (!on.isAfter(from)) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "date-before-current", "on", on, from);
        }
        closeOpen("member_status_period", id, on);
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, reason, valid_from)
                VALUES (:id, :status, :reason, :on)
                """).param("id", id.value()).param("status", status.name()).param("reason", reason)
                .param("on", on).update();
        jdbc.sql("UPDATE organizations.member SET status = :status, version = version + 1 WHERE id = :id")
                .param("status", status.name()).param("id", id.value()).update();
        return member;
    }

    /** Refuses a date before the start of a role the member holds: the role would end before it began. */
    private void requireNotBeforeOpenRoles(MemberSummary member, LocalDate on) {
        jdbc.sql("""
                SELECT max(valid_from) FROM organizations.role_period WHERE member_id = :id AND valid_to IS NULL
                """).param("id", member.id().value()).query(LocalDate.class).optional()
                .filter(on::isBefore).ifPresent(start -> {
                    throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "date-before-period", "on",
                            named(member), on, start);
                });
    }

    private static String named(MemberSummary member) {
        return member.fullName() + " (" + member.cardNumber() + ")";
    }

    /** Ends the member's open period in a history table on that date. */
    private void closeOpen(String table, MemberId id, LocalDate on) {
        jdbc.sql("UPDATE organizations." + table + " SET valid_to = :on WHERE member_id = :id AND valid_to IS NULL")
                .param("on", on).param("id", id.value()).update();
    }

    private LocalDate openPeriodStart(String table, MemberId id) {
        return jdbc.sql("SELECT valid_from FROM organizations." + table + " WHERE member_id = :id AND valid_to IS NULL")
                .param("id", id.value()).query(LocalDate.class).optional().orElse(LocalDate.MIN);
    }

    private static void requireOnRolls(MemberSummary member) {
        if (!member.status().isMember()) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "member-not-on-rolls", "status", member.cardNumber());
        }
    }

    /**
     * Locks the member row for the rest of the transaction, then reads the member: every write starts here, so two
     * concurrent changes of one member run one after the other and the second sees the first's periods.
     */
    private MemberSummary locked(MemberId id) {
        jdbc.sql("SELECT id FROM organizations.member WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(UUID.class).optional();
        return existing(id);
    }

    MemberSummary existing(MemberId id) {
        return find(id).orElseThrow(() -> new OrganizationRejected(HttpStatus.NOT_FOUND, "member-unknown",
                "memberId", id));
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
        return java.util.stream.Stream.concat(memberships.stream(), statuses.stream())
                .sorted(java.util.Comparator.comparing(HistoryEntry::from)).toList();
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
    public void forEachRole(Consumer<org.cadre.organizations.RoleAssignment> consumer) {
        try (var rows = jdbc.sql("""
                SELECT id, organization_id, member_id, role, valid_from, valid_to FROM organizations.role_period
                ORDER BY id
                """).withFetchSize(1000)
                .query((rs, row) -> new org.cadre.organizations.RoleAssignment(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)), null,
                        org.cadre.organizations.OrganizationRole.valueOf(rs.getString("role")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .stream()) {
            rows.forEach(consumer);
        }
    }
}
