package org.cadre.organizations.internal;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberTransferCancelled;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads a {@link Member} with the slice of history a change needs, and writes what a transition did: the member
 * row from the object's state, the history periods from the events it raised. Runs in the service's transaction.
 */
@Component
class MemberStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;
    private final Recorder recorder;

    MemberStore(JdbcClient jdbc, NamedParameterJdbcOperations batches, Recorder recorder) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.recorder = recorder;
    }

    /** The open membership period and the one it closed, when it began with a transfer (not the admission). */
    record TransferRow(long entry, OrganizationId from, LocalDate fromSince, OrganizationId to, LocalDate on,
            String recordedBy) {
    }

    Optional<TransferRow> lastTransfer(MemberId id) {
        return jdbc.sql("""
                SELECT p.id, q.organization_id AS from_id, q.valid_from AS from_since, p.organization_id AS to_id,
                       p.valid_from, p.recorded_by
                FROM organizations.membership_period p
                JOIN organizations.membership_period q ON q.member_id = p.member_id AND q.valid_to = p.valid_from
                     AND q.valid_to > q.valid_from AND q.cancelled_at IS NULL
                WHERE p.member_id = :id AND p.valid_to IS NULL
                """).param("id", id.value())
                .query((rs, row) -> new TransferRow(rs.getLong("id"),
                        new OrganizationId(rs.getObject("from_id", UUID.class)),
                        rs.getObject("from_since", LocalDate.class),
                        new OrganizationId(rs.getObject("to_id", UUID.class)),
                        rs.getObject("valid_from", LocalDate.class), rs.getString("recorded_by")))
                .optional();
    }

    /**
     * The open status period and the one before it; for a status off the rolls, the membership period it closed.
     */
    record StatusRow(long entry, MemberStatus status, LocalDate on, String recordedBy, MemberStatus previous,
            LocalDate previousSince, OrganizationId organization, LocalDate membershipSince) {
    }

    Optional<StatusRow> lastStatus(MemberId id) {
        return jdbc.sql("""
                SELECT s.id, s.status, s.valid_from, s.recorded_by, t.status AS previous, t.valid_from AS previous_since,
                       (SELECT m.organization_id FROM organizations.membership_period m
                        WHERE m.member_id = s.member_id AND m.valid_to = s.valid_from AND m.valid_to > m.valid_from
                          AND m.cancelled_at IS NULL ORDER BY m.valid_from DESC LIMIT 1) AS organization_id,
                       (SELECT m.valid_from FROM organizations.membership_period m
                        WHERE m.member_id = s.member_id AND m.valid_to = s.valid_from AND m.valid_to > m.valid_from
                          AND m.cancelled_at IS NULL ORDER BY m.valid_from DESC LIMIT 1) AS membership_since
                FROM organizations.member_status_period s
                LEFT JOIN organizations.member_status_period t ON t.member_id = s.member_id
                     AND t.valid_to = s.valid_from AND t.valid_to > t.valid_from AND t.cancelled_at IS NULL
                WHERE s.member_id = :id AND s.valid_to IS NULL
                """).param("id", id.value())
                .query((rs, row) -> {
                    UUID organization = rs.getObject("organization_id", UUID.class);
                    String previous = rs.getString("previous");
                    return new StatusRow(rs.getLong("id"), MemberStatus.valueOf(rs.getString("status")),
                            rs.getObject("valid_from", LocalDate.class), rs.getString("recorded_by"),
                            previous == null ? null : MemberStatus.valueOf(previous),
                            rs.getObject("previous_since", LocalDate.class),
                            organization == null ? null : new OrganizationId(organization),
                            rs.getObject("membership_since", LocalDate.class));
                }).optional();
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
        return !cardsTaken(List.of(cardNumber.trim())).isEmpty();
    }

    private static final String INSERT_MEMBER = """
            INSERT INTO organizations.member (id, card_number, family_name, middle_name, given_name, search_name,
                sort_key, born_on, sex, national_id, admitted_on, confirmed_on, civil_servant, position,
                organization_id, status)
            VALUES (:id, :card, :family, :middle, :given, :search, :sort, :born, :sex, :nid, :admitted,
                :confirmed, :civil, :position, :organization, :status)
            """;
    private static final String INSERT_MEMBERSHIP = """
            INSERT INTO organizations.membership_period (member_id, organization_id, valid_from, recorded_by,
                recorded_at)
            VALUES (:id, :organization, :from, :by, :at)
            """;
    private static final String INSERT_STATUS = """
            INSERT INTO organizations.member_status_period (member_id, status, valid_from, recorded_by, recorded_at)
            VALUES (:id, :status, :from, :by, :at)
            """;

    /** A new member: the row and their first membership and status periods, from the admission date. */
    void insert(Member member) {
        Map<String, Object> values = admissionValues(member, recorder.who(), recorder.now());
        jdbc.sql(INSERT_MEMBER).params(values).update();
        jdbc.sql(INSERT_MEMBERSHIP).params(values).update();
        jdbc.sql(INSERT_STATUS).params(values).update();
    }

    /**
     * New members as {@link #insert} writes them, the same rows, each table in one batched statement (the driver
     * rewrites a batch of inserts into multi-row ones): the members first, then their membership periods, then
     * their status periods.
     */
    void insertAll(List<Member> members) {
        if (members.isEmpty()) {
            return;
        }
        String who = recorder.who();
        OffsetDateTime at = recorder.now();
        SqlParameterSource[] rows = members.stream().map(m -> typed(admissionValues(m, who, at)))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT_MEMBER, rows);
        batches.batchUpdate(INSERT_MEMBERSHIP, rows);
        batches.batchUpdate(INSERT_STATUS, rows);
    }

    /**
     * The values with the types of those that may be null, so that a batch does not ask the driver for the type of
     * each null parameter of each row.
     */
    private static SqlParameterSource typed(Map<String, Object> values) {
        MapSqlParameterSource source = new MapSqlParameterSource(values);
        for (String text : List.of("middle", "nid", "position", "by")) {
            source.registerSqlType(text, Types.VARCHAR);
        }
        source.registerSqlType("confirmed", Types.DATE);
        return source;
    }

    /** The parameters of the three inserts of an admission. */
    private static Map<String, Object> admissionValues(Member member, String recordedBy, OffsetDateTime at) {
        Person person = member.person();
        Map<String, Object> values = new HashMap<>();
        values.put("id", member.id().value());
        values.put("card", member.cardNumber());
        values.put("family", person.familyName());
        values.put("middle", person.middleName());
        values.put("given", person.givenName());
        values.put("search", VietnameseText.fold(person.fullName()));
        values.put("sort", VietnameseText.sortKey(person.familyName(), person.middleName(), person.givenName()));
        values.put("born", person.bornOn());
        values.put("sex", person.sex().name());
        values.put("nid", person.nationalId());
        values.put("admitted", member.admittedOn());
        values.put("confirmed", member.confirmedOn().orElse(null));
        values.put("civil", person.civilServant());
        values.put("position", person.position());
        values.put("organization", member.organization().value());
        values.put("status", member.status().name());
        values.put("from", member.admittedOn());
        values.put("by", recordedBy);
        values.put("at", at);
        return values;
    }

    /** Which of the card numbers a member holds already. */
    Set<String> cardsTaken(Collection<String> cardNumbers) {
        return Set.copyOf(jdbc.sql("""
                SELECT card_number FROM organizations.member WHERE card_number = ANY(:cards)
                """).param("cards", cardNumbers.toArray(String[]::new)).query(String.class).list());
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
                        INSERT INTO organizations.membership_period (member_id, organization_id, valid_from,
                            recorded_by, recorded_at)
                        VALUES (:id, :organization, :on, :by, :at)
                        """).param("id", e.member().value()).param("organization", e.to().value())
                        .param("on", e.on()).param("by", recorder.who()).param("at", recorder.now()).update();
            } else if (event instanceof MemberExempted e) {
                newStatus(e.member(), MemberStatus.EXEMPT, e.on(), e.reason(), null);
            } else if (event instanceof MemberSuspended e) {
                newStatus(e.member(), MemberStatus.SUSPENDED, e.on(), e.reason(), e.decision());
            } else if (event instanceof MemberReinstated e) {
                newStatus(e.member(), MemberStatus.ACTIVE, e.on(), e.reason(), null);
            } else if (event instanceof MemberLeft e) {
                newStatus(e.member(), e.how(), e.on(), e.reason(), e.decision());
                closeMembership(e.member(), e.on());
            } else if (event instanceof RoleEnded e) {
                RoleHistory.end(jdbc, e, true);
            } else if (event instanceof MemberTransferCancelled e) {
                cancelOpen("membership_period", e.member(), e.reason());
                reopen("membership_period", e.member(), e.on());
                RoleHistory.reopenEndedWith(jdbc, e.member(), e.on());
            } else if (event instanceof MemberStatusChangeCancelled e) {
                cancelOpen("member_status_period", e.member(), e.reason());
                reopen("member_status_period", e.member(), e.on());
                if (!e.cancelled().isMember()) {
                    reopen("membership_period", e.member(), e.on());
                    RoleHistory.reopenEndedWith(jdbc, e.member(), e.on());
                }
            }
        }
    }

    private void closeMembership(MemberId member, LocalDate on) {
        jdbc.sql("""
                UPDATE organizations.membership_period SET valid_to = :on WHERE member_id = :id AND valid_to IS NULL
                """).param("on", on).param("id", member.value()).update();
    }

    private void newStatus(MemberId member, MemberStatus status, LocalDate on, String reason, String decision) {
        jdbc.sql("""
                UPDATE organizations.member_status_period SET valid_to = :on WHERE member_id = :id AND valid_to IS NULL
                """).param("on", on).param("id", member.value()).update();
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, reason, decision, valid_from,
                    recorded_by, recorded_at)
                VALUES (:id, :status, :reason, :decision, :on, :by, :at)
                """).param("id", member.value()).param("status", status.name()).param("reason", reason)
                .param("decision", decision == null || decision.isBlank() ? null : decision.trim())
                .param("on", on).param("by", recorder.who()).param("at", recorder.now()).update();
    }

    /** The open period was recorded by mistake: kept, marked cancelled (who, when, why) and made empty. */
    private void cancelOpen(String table, MemberId member, String reason) {
        jdbc.sql("""
                UPDATE organizations.%s SET valid_to = valid_from, cancelled_at = :at, cancelled_by = :by,
                    cancel_reason = :reason
                WHERE member_id = :id AND valid_to IS NULL
                """.formatted(table)).param("at", recorder.now()).param("by", recorder.who())
                .param("reason", reason).param("id", member.value()).update();
    }

    /** The period a cancelled change had closed on its date is open again. */
    private void reopen(String table, MemberId member, LocalDate closedOn) {
        jdbc.sql("""
                UPDATE organizations.%s SET valid_to = NULL
                WHERE id = (SELECT id FROM organizations.%s WHERE member_id = :id AND valid_to = :on
                            AND valid_to > valid_from AND cancelled_at IS NULL ORDER BY valid_from DESC LIMIT 1)
                """.formatted(table, table)).param("id", member.value()).param("on", closedOn).update();
    }
}
