package org.cadre.organizations.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.cadre.organizations.MemberSearch;
import org.cadre.organizations.TransferOut;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TransferMember;
import org.cadre.organizations.Visibility;
import org.cadre.organizations.CancelChange;
import org.cadre.organizations.domain.Canceller;
import org.cadre.organizations.domain.EffectiveDate;
import org.cadre.organizations.domain.Member;
import org.cadre.organizations.domain.RecordedStatus;
import org.cadre.organizations.domain.RecordedTransfer;
import jakarta.validation.Valid;
import org.cadre.platform.BulkWrites;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.organizations.OrganizationEdits;
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
    private final AccessService access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Edits edits;
    private final BulkWrites bulk;

    MemberService(MemberStore store, JdbcClient jdbc, OrganizationService organizations, AccessService access,
            ApplicationEventPublisher events, Clock clock, Edits edits, BulkWrites bulk) {
        this.edits = edits;
        this.bulk = bulk;
        this.store = store;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public MemberId admit(AdmitMember command) {
        notFuture(command.admittedOn());
        notFuture(command.confirmedOn());
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

    /** How many admissions {@link #admitAll} checks and writes together. */
    static final int BATCH = 500;

    /**
     * Admits the members in order, as {@link #admit} would one after the other, in batches of {@value #BATCH}: each
     * organization is locked and read once a batch, the card numbers are looked up once a batch, the domain's rules
     * are checked member by member, and the members and their periods go in with one batched statement a table.
     * Each member still publishes its own {@link org.cadre.organizations.MemberAdmitted} (the listeners of other
     * modules need them); the registry's publications and the audit lines are written a batch at a time
     * ({@link BulkWrites}). The first refusal, the same {@link #admit} gives, names its row (1 for the first
     * command) in the detail {@code row}; the caller's transaction then writes nothing.
     */
    public List<MemberId> admitAll(List<@Valid AdmitMember> commands) {
        List<MemberId> admitted = new ArrayList<>(commands.size());
        Set<String> cardsInList = new HashSet<>();
        for (int from = 0; from < commands.size(); from += BATCH) {
            List<AdmitMember> batch = commands.subList(from, Math.min(commands.size(), from + BATCH));
            int first = from;
            bulk.collecting(() -> admitted.addAll(admitBatch(batch, first, cardsInList)));
        }
        return admitted;
    }

    private List<MemberId> admitBatch(List<AdmitMember> batch, int offset, Set<String> cardsInList) {
        // one locked read per organization, in a stable order so that two imports never wait on each other crosswise
        Map<UUID, Optional<OrganizationSummary>> targets = new HashMap<>();
        batch.stream().map(AdmitMember::organizationId).distinct().sorted()
                .forEach(id -> targets.put(id, organizations.findShared(new OrganizationId(id))));
        Set<String> taken = store.cardsTaken(batch.stream().map(c -> c.cardNumber().trim()).toList());
        List<Member.Admission> admissions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            AdmitMember command = batch.get(i);
            try {
                // the checks of admit, in its order
                notFuture(command.admittedOn());
                notFuture(command.confirmedOn());
                String card = command.cardNumber().trim();
                if (taken.contains(card) || !cardsInList.add(card)) {
                    throw new Refused(OrganizationRefusal.CARD_TAKEN, card);
                }
                OrganizationSummary into = targets.get(command.organizationId()).orElseThrow(
                        () -> new Refused(OrganizationRefusal.TARGET_UNKNOWN, command.organizationId()));
                admissions.add(Member.admit(command, into));
            } catch (Refused refused) {
                throw refused.with("row", offset + i + 1);
            }
        }
        try {
            store.insertAll(admissions.stream().map(Member.Admission::member).toList());
        } catch (DuplicateKeyException raced) {
            // another request took a card number between the look-up and the insert
            throw racedCard(raced, admissions, offset);
        }
        admissions.forEach(admission -> events.publishEvent(admission.event()));
        return admissions.stream().map(admission -> admission.member().id()).toList();
    }

    /** The card another request took, named with its row if the database's message says which it was. */
    private static Refused racedCard(DuplicateKeyException raced, List<Member.Admission> admissions, int offset) {
        String message = String.valueOf(raced.getMostSpecificCause().getMessage());
        for (int i = 0; i < admissions.size(); i++) {
            String card = admissions.get(i).member().cardNumber();
            if (message.contains("(" + card + ")")) {
                return new Refused(OrganizationRefusal.CARD_TAKEN, card).with("row", offset + i + 1);
            }
        }
        return new Refused(OrganizationRefusal.CARD_TAKEN, "");
    }

    /** The organization a member goes into, as the member's rules see it. */
    OrganizationSummary target(UUID organization) {
        return organizations.findShared(new OrganizationId(organization))
                .orElseThrow(() -> new Refused(OrganizationRefusal.TARGET_UNKNOWN, organization));
    }

    @Override
    public void correct(MemberId id, CorrectMember command) {
        correct(id, command, null);
    }

    @Override
    public void correct(MemberId id, CorrectMember command, EditVersion loaded) {
        // claimed in the transaction of the change: a refused correction leaves the version, a conflict writes nothing
        edits.claim(OrganizationEdits.memberDetails(id), loaded);
        // stamped so that a consumer handling two corrections out of order keeps the later one
        change(id, member -> List.of(member.correct(command).recordedAt(clock.instant())));
    }

    @Override
    public void confirm(MemberId id, DatedChange command) {
        notFuture(command.on());
        change(id, member -> List.of(member.confirm(command.on())));
    }

    @Override
    public void transfer(MemberId id, TransferMember command) {
        notFuture(command.on());
        change(id, member -> member.transfer(target(command.organizationId()), command.on()));
    }

    @Override
    public void exempt(MemberId id, DatedChange command) {
        notFuture(command.on());
        change(id, member -> List.of(member.exempt(command.on(), reason(command.reason()))));
    }

    @Override
    public void suspend(MemberId id, DatedChange command) {
        notFuture(command.on());
        change(id, member -> List.of(member.suspend(command.on(), reason(command.reason()),
                reason(command.decision()))));
    }

    @Override
    public void reinstate(MemberId id, DatedChange command) {
        notFuture(command.on());
        change(id, member -> List.of(member.reinstate(command.on(), reason(command.reason()))));
    }

    @Override
    public void end(MemberId id, EndMembership command) {
        notFuture(command.on());
        change(id, member -> member.end(command.how(), command.on(), reason(command.reason()),
                reason(command.decision())));
    }

    /**
     * The recorder of the transfer or an administrator, in scope of the member now or of the organization the
     * member left (a secretary who sent a member away by mistake no longer sees them, but sees where they came
     * from).
     */
    @Override
    public void cancelTransfer(MemberId id, CancelChange command, Caller caller) {
        change(id, member -> {
            MemberStore.TransferRow row = store.lastTransfer(id).orElse(null);
            if (row != null && !access.mayChange(caller, id) && !access.mayChange(caller, row.from())) {
                throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
            }
            if (row == null && !access.mayChange(caller, id)) {
                throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
            }
            RecordedTransfer last = row == null ? null : new RecordedTransfer(row.entry(),
                    organizations.findShared(row.from())
                            .orElseThrow(() -> new Refused(OrganizationRefusal.TARGET_UNKNOWN, row.from())),
                    row.fromSince(), row.to(), row.on(), row.recordedBy());
            return List.of(member.cancelTransfer(last, canceller(caller), command.reason().trim()));
        });
    }

    @Override
    public void cancelStatusChange(MemberId id, CancelChange command, Caller caller) {
        if (!access.mayChange(caller, id)) {
            throw new Refused(OrganizationRefusal.OUT_OF_SCOPE);
        }
        change(id, member -> {
            RecordedStatus last = store.lastStatus(id).map(row -> new RecordedStatus(row.entry(), row.status(),
                    row.on(), row.recordedBy(), row.previous(), row.previousSince(),
                    row.organization() == null ? null : organizations.findShared(row.organization()).orElse(null),
                    row.membershipSince())).orElse(null);
            return List.of(member.cancelStatusChange(last, canceller(caller), command.reason().trim()));
        });
    }

    static Canceller canceller(Caller caller) {
        return new Canceller(caller.username(), caller.has(Role.ADMIN));
    }

    /** A change takes effect today or earlier, by the injected clock. */
    private void notFuture(LocalDate on) {
        EffectiveDate.requireNotFuture(on, LocalDate.now(clock));
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
        String rolls = onRolls(subtree, ROLL_COLUMNS) + ROLL_ORDER;
        return jdbc.sql(rolls).param("root", organization.value()).param("on", on).query(Rows::member).list();
    }

    @Override
    @Transactional(readOnly = true)
    public MemberSearch roll(OrganizationId organization, boolean subtree, LocalDate asOf, int page, int size) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        int perPage = Math.max(1, Math.min(size, 500));
        int total = count(organization, subtree, on);
        // a page past the end shows the last one: a roll that shrank since the link was made still answers
        int number = Math.max(1, Math.min(page, Math.max(1, (total + perPage - 1) / perPage)));
        String rolls = onRolls(subtree, ROLL_COLUMNS) + ROLL_ORDER + " OFFSET :offset LIMIT :limit";
        List<MemberSummary> listed = jdbc.sql(rolls).param("root", organization.value()).param("on", on)
                .param("offset", (long) (number - 1) * perPage).param("limit", perPage)
                .query(Rows::member).list();
        return new MemberSearch(listed, total, number, perPage);
    }

    @Override
    @Transactional(readOnly = true)
    public int count(OrganizationId organization, boolean subtree, LocalDate asOf) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        String rolls = onRolls(subtree, "count(*)");
        return jdbc.sql(rolls).param("root", organization.value()).param("on", on).query(Integer.class).single();
    }

    private static final String ROLL_COLUMNS = """
            m.id, m.card_number, m.family_name, m.middle_name, m.given_name, m.born_on, m.sex,
            m.national_id, m.admitted_on, m.confirmed_on, m.civil_servant, m.position,
            p.organization_id, o.name AS organization_name,
            coalesce(s.status, m.status) AS status, s.valid_from AS status_since""";

    private static final String ROLL_ORDER = "\nORDER BY m.sort_key COLLATE \"C\", m.card_number";

    /**
     * The members on the rolls of an organization, or of its subtree as it was on the date (parents from the
     * organization periods), with the status they had then; :root and :on are the parameters.
     */
    private static String onRolls(boolean subtree, String columns) {
        String organizationsIn = subtree ? """
                WITH RECURSIVE tree (id) AS (
                    SELECT CAST(:root AS UUID)
                    UNION ALL
                    SELECT p.organization_id FROM organizations.organization_period p JOIN tree ON p.parent_id = tree.id
                    WHERE p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to > :on)
                )
                """ : "WITH tree (id) AS (SELECT CAST(:root AS UUID))\n";
        return organizationsIn + "SELECT " + columns + """

                FROM organizations.membership_period p
                JOIN organizations.member m ON m.id = p.member_id
                JOIN organizations.organization o ON o.id = p.organization_id
                LEFT JOIN organizations.member_status_period s ON s.member_id = m.id
                     AND s.valid_from <= :on AND (s.valid_to IS NULL OR s.valid_to > :on)
                WHERE p.organization_id IN (SELECT id FROM tree)
                  AND p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to > :on)""";
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberSummary> search(String query, Visibility visibility, int limit) {
        return search(query, visibility, 1, Math.max(1, Math.min(limit, 500))).members();
    }

    @Override
    @Transactional(readOnly = true)
    public MemberSearch search(String query, Visibility visibility, int page, int size) {
        int perPage = Math.max(1, Math.min(size, 500));
        int number = Math.max(1, page);
        String typed = query == null ? "" : Normalizer.normalize(query, Normalizer.Form.NFC).trim()
                .replaceAll("\\s+", " ");
        String folded = VietnameseText.fold(typed);
        if (folded.isEmpty() || visibility.isNothing()) {
            return new MemberSearch(List.of(), 0, 1, perPage);
        }
        String scope = visibility.isEverything() ? "" : " AND m.organization_id IN (" + Rows.SUBTREE
                + " SELECT id FROM tree)\n";
        String where = " WHERE (m.search_name LIKE :pattern OR lower(m.card_number) LIKE :pattern)\n" + scope;
        UUID[] roots = visibility.roots().stream().map(OrganizationId::value).toArray(UUID[]::new);
        int total = jdbc.sql("SELECT count(*) FROM organizations.member m" + where)
                .param("pattern", "%" + like(folded) + "%").param("roots", roots).query(Integer.class).single();
        // names are stored capitalised word by word: the query capitalised the same way matches them with their
        // accents, case aside, without a collation the server may lack
        List<MemberSummary> found = jdbc.sql(Rows.MEMBER + where + """
                 ORDER BY CASE
                     WHEN lower(m.card_number) = :card THEN 0
                     WHEN (' ' || m.family_name || ' ' || m.middle_name || ' ' || m.given_name || ' ') LIKE :exact
                         THEN 0
                     WHEN (' ' || m.search_name || ' ') LIKE :word THEN 1
                     WHEN (' ' || m.search_name) LIKE :prefix THEN 2
                     ELSE 3 END,
                   m.sort_key COLLATE "C", m.card_number
                 OFFSET :offset LIMIT :limit
                """).param("pattern", "%" + like(folded) + "%").param("roots", roots)
                .param("card", typed.toLowerCase(Locale.ROOT))
                .param("exact", "% " + like(capitalised(typed)) + " %")
                .param("word", "% " + like(folded) + " %").param("prefix", "% " + like(folded) + "%")
                .param("offset", (long) (number - 1) * perPage).param("limit", perPage)
                .query(Rows::member).list();
        return new MemberSearch(found, total, number, perPage);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** "nguyễn thị HẠNH" as names are written: "Nguyễn Thị Hạnh". */
    private static String capitalised(String typed) {
        Locale vietnamese = Locale.forLanguageTag("vi");
        StringBuilder out = new StringBuilder();
        for (String word : typed.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            int first = word.offsetByCodePoints(0, 1);
            out.append(word.substring(0, first).toUpperCase(vietnamese))
                    .append(word.substring(first).toLowerCase(vietnamese));
        }
        return out.toString();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TransferOut> transfersOut(OrganizationId organization, boolean subtree) {
        String inside = subtree ? Rows.SUBTREE : "WITH tree (id) AS (SELECT CAST(:root AS UUID))\n";
        return jdbc.sql(inside + """
                SELECT m.id AS member_id, m.family_name, m.middle_name, m.given_name, m.card_number,
                       p.organization_id AS from_id, f.name AS from_name, q.organization_id AS to_id,
                       t.name AS to_name, q.valid_from, q.recorded_by, q.valid_to IS NULL AS latest
                FROM organizations.membership_period p
                JOIN organizations.membership_period q ON q.member_id = p.member_id AND q.valid_from = p.valid_to
                     AND q.cancelled_at IS NULL AND (q.valid_to IS NULL OR q.valid_to > q.valid_from)
                JOIN organizations.member m ON m.id = p.member_id
                JOIN organizations.organization f ON f.id = p.organization_id
                JOIN organizations.organization t ON t.id = q.organization_id
                WHERE p.organization_id IN (SELECT id FROM tree) AND q.organization_id NOT IN (SELECT id FROM tree)
                  AND p.cancelled_at IS NULL AND p.valid_to > p.valid_from
                ORDER BY q.valid_from DESC, m.sort_key COLLATE "C"
                LIMIT 200
                """).param("roots", new UUID[] {organization.value()}).param("root", organization.value())
                .query((rs, row) -> new TransferOut(new MemberId(rs.getObject("member_id", UUID.class)),
                        fullName(rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name")),
                        rs.getString("card_number"), new OrganizationId(rs.getObject("from_id", UUID.class)),
                        rs.getString("from_name"), new OrganizationId(rs.getObject("to_id", UUID.class)),
                        rs.getString("to_name"), rs.getObject("valid_from", LocalDate.class),
                        rs.getString("recorded_by"), rs.getBoolean("latest")))
                .list();
    }

    private static String fullName(String family, String middle, String given) {
        return middle == null || middle.isBlank() ? family + " " + given : family + " " + middle + " " + given;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(MemberId id) {
        ZoneId zone = clock.getZone();
        List<HistoryEntry> memberships = jdbc.sql("""
                SELECT o.name, p.valid_from, p.valid_to, p.recorded_by, p.cancelled_at, p.cancelled_by,
                       p.cancel_reason,
                       p.valid_to IS NULL AND p.cancelled_at IS NULL AND EXISTS (
                           SELECT 1 FROM organizations.membership_period q WHERE q.member_id = p.member_id
                           AND q.valid_to = p.valid_from AND q.valid_to > q.valid_from AND q.cancelled_at IS NULL)
                           AS latest
                FROM organizations.membership_period p
                JOIN organizations.organization o ON o.id = p.organization_id
                WHERE p.member_id = :id ORDER BY p.valid_from, p.id
                """).param("id", id.value())
                .query((rs, row) -> new HistoryEntry("MEMBERSHIP", rs.getString("name"), null,
                        rs.getObject("valid_from", LocalDate.class), until(rs), null, rs.getString("recorded_by"),
                        rs.getBoolean("latest"), day(rs.getObject("cancelled_at", OffsetDateTime.class), zone),
                        rs.getString("cancelled_by"), rs.getString("cancel_reason")))
                .list();
        List<HistoryEntry> statuses = jdbc.sql("""
                SELECT s.status, s.reason, s.decision, s.valid_from, s.valid_to, s.recorded_by, s.cancelled_at,
                       s.cancelled_by, s.cancel_reason,
                       s.valid_to IS NULL AND s.cancelled_at IS NULL AND EXISTS (
                           SELECT 1 FROM organizations.member_status_period t WHERE t.member_id = s.member_id
                           AND t.valid_to = s.valid_from AND t.valid_to > t.valid_from AND t.cancelled_at IS NULL)
                           AS latest
                FROM organizations.member_status_period s
                WHERE s.member_id = :id ORDER BY s.valid_from, s.id
                """).param("id", id.value())
                .query((rs, row) -> new HistoryEntry("STATUS", rs.getString("status"), rs.getString("reason"),
                        rs.getObject("valid_from", LocalDate.class), until(rs), rs.getString("decision"),
                        rs.getString("recorded_by"), rs.getBoolean("latest"),
                        day(rs.getObject("cancelled_at", OffsetDateTime.class), zone), rs.getString("cancelled_by"),
                        rs.getString("cancel_reason")))
                .list();
        return Stream.concat(memberships.stream(), statuses.stream())
                .sorted(Comparator.comparing(HistoryEntry::from)).toList();
    }

    /** A cancelled period is empty; it shows no end. */
    private static LocalDate until(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getObject("cancelled_at") != null ? null : rs.getObject("valid_to", LocalDate.class);
    }

    private static LocalDate day(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
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
                WHERE cancelled_at IS NULL ORDER BY id
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
