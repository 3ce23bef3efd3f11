package org.cadre.organizations.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.AgencyAssigned;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.BlocCounts;
import org.cadre.organizations.CoordinatingBody;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MoveOrganization;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRenamed;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RenameOrganization;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.RoleEnded;
import org.cadre.organizations.SetAgency;
import org.cadre.organizations.TreeNode;
import org.cadre.organizations.Visibility;
import org.cadre.organizations.domain.HeldRole;
import org.cadre.organizations.domain.Member;
import org.cadre.organizations.domain.EffectiveDate;
import org.cadre.organizations.domain.Organization;
import org.cadre.organizations.domain.RecordedRole;
import org.cadre.organizations.CancelChange;
import org.cadre.organizations.RoleCancelled;
import org.cadre.platform.Caller;
import org.cadre.platform.ClusterLocks;
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
 * The tree, its history and roles. A change loads the {@link Organization} (locked), applies its transition, writes
 * what it did through the {@link OrganizationStore} and publishes the events it raised, in one transaction.
 */
@Service
@Validated
@Transactional
class OrganizationService implements Organizations {

    private final OrganizationStore store;
    private final MemberStore members;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClusterLocks locks;
    private final Edits edits;

    OrganizationService(OrganizationStore store, MemberStore members, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock, ClusterLocks locks, Edits edits) {
        this.edits = edits;
        this.store = store;
        this.locks = locks;
        this.members = members;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public OrganizationId register(RegisterOrganization command) {
        if (store.codeTaken(command.code())) {
            throw new Refused(OrganizationRefusal.CODE_TAKEN, command.code().trim());
        }
        Organization parent = command.parentId() == null ? null
                : store.shared(new OrganizationId(command.parentId()))
                        .orElseThrow(() -> new Refused(OrganizationRefusal.PARENT_UNKNOWN, command.parentId()));
        Organization.Registration registration = Organization.register(command, parent);
        try {
            store.insert(registration.organization());
        } catch (DuplicateKeyException raced) {
            // another request took the code between the check and the insert
            throw new Refused(OrganizationRefusal.CODE_TAKEN, command.code().trim());
        }
        events.publishEvent(registration.event());
        return registration.organization().id();
    }

    /**
     * Moves run one at a time across the tree: whether the new parent lies inside the moved subtree is a question
     * of many rows, and two moves that each pass it alone (A under B, B under A) would make a cycle together.
     */
    @Override
    public void move(OrganizationId id, MoveOrganization command) {
        notFuture(command.on());
        locks.lockUntilTransactionEnds("organizations.tree-shape");
        Organization organization = locked(id);
        Organization parent = store.shared(new OrganizationId(command.parentId()))
                .orElseThrow(() -> new Refused(OrganizationRefusal.PARENT_UNKNOWN, command.parentId()));
        OrganizationMoved moved = organization.move(parent, within(List.of(id), parent.id()), command.on());
        write(organization, List.of(moved));
    }

    @Override
    public void rename(OrganizationId id, RenameOrganization command) {
        rename(id, command, null);
    }

    @Override
    public void rename(OrganizationId id, RenameOrganization command, EditVersion loaded) {
        notFuture(command.on());
        Organization organization = locked(id);
        edits.claim(OrganizationEdits.details(id), loaded);
        OrganizationRenamed renamed = organization.rename(command.name(), command.on());
        write(organization, List.of(renamed));
    }

    @Override
    public void setAgency(OrganizationId id, SetAgency command) {
        setAgency(id, command, null);
    }

    @Override
    public void setAgency(OrganizationId id, SetAgency command, EditVersion loaded) {
        Organization organization = locked(id);
        edits.claim(OrganizationEdits.details(id), loaded);
        // a refused assignment rolls back the agency row with everything else
        UUID agency = store.agency(command.code(), command.name(), command.headName());
        AgencyAssigned assigned = organization.assignAgency(agency, command.name(), command.headName());
        write(organization, List.of(assigned));
    }

    @Override
    public void dissolve(OrganizationId id, DatedChange command) {
        notFuture(command.on());
        Organization organization = locked(id);
        List<DomainEvent> raised = organization.dissolve(command.on(), store.remaining(id), store.heldRoles(id));
        write(organization, raised);
    }

    @Override
    public UUID assignRole(OrganizationId id, AssignRole command) {
        notFuture(command.from());
        // the member first, then the organization: the order a transfer locks them in
        Member member = members.locked(new MemberId(command.memberId()))
                .orElseThrow(() -> new Refused(OrganizationRefusal.ROLE_MEMBER_UNKNOWN, command.memberId()));
        Organization organization = locked(id);
        RoleAssigned assigned = organization.assignRole(member, command.role(), command.from(),
                within(List.of(id), member.organization()), store.holds(id, member.id(), command.role()));
        write(organization, List.of(assigned));
        return assigned.assignment();
    }

    @Override
    public void endRole(OrganizationId id, UUID assignment, DatedChange command) {
        notFuture(command.on());
        Organization organization = locked(id);
        HeldRole role = store.heldRole(id, assignment)
                .orElseThrow(() -> new Refused(OrganizationRefusal.ROLE_UNKNOWN, assignment));
        RoleEnded ended = role.end(command.on());
        write(organization, List.of(ended));
    }

    @Override
    public void cancelRole(OrganizationId id, UUID assignment, CancelChange command, Caller caller) {
        Organization organization = locked(id);
        RecordedRole role = store.recordedRole(id, assignment)
                .orElseThrow(() -> new Refused(OrganizationRefusal.ROLE_UNKNOWN, assignment));
        RoleCancelled cancelled = role.cancel(MemberService.canceller(caller), command.reason().trim());
        write(organization, List.of(cancelled));
    }

    /** A change takes effect today or earlier, by the injected clock. */
    private void notFuture(LocalDate on) {
        EffectiveDate.requireNotFuture(on, LocalDate.now(clock));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<OrganizationId, String> labels(Collection<OrganizationId> ids) {
        Map<OrganizationId, String> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                SELECT o.id, o.name, p.name AS parent_name FROM organizations.organization o
                LEFT JOIN organizations.organization p ON p.id = o.parent_id WHERE o.id = ANY (:ids)
                """).param("ids", ids(new HashSet<>(ids))).query(rs -> {
                    String parent = rs.getString("parent_name");
                    labels.put(new OrganizationId(rs.getObject("id", UUID.class)),
                            parent == null ? rs.getString("name") : rs.getString("name") + " – " + parent);
                });
        return labels;
    }

    /**
     * The organization a member goes into, kept from being dissolved or moved until the transaction ends (see
     * {@link OrganizationStore#shared}).
     */
    Optional<OrganizationSummary> findShared(OrganizationId id) {
        return store.lockShared(id) ? find(id) : Optional.empty();
    }

    private Organization locked(OrganizationId id) {
        return store.locked(id).orElseThrow(() -> new Refused(OrganizationRefusal.ORGANIZATION_UNKNOWN, id));
    }

    private void write(Organization organization, List<? extends DomainEvent> raised) {
        store.save(organization, raised);
        raised.forEach(events::publishEvent);
    }

    // ---------------------------------------------------------------- reading

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> find(OrganizationId id) {
        return jdbc.sql(Rows.ORGANIZATION + " WHERE o.id = :id").param("id", id.value())
                .query(Rows::organization).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> findByCode(String code) {
        return jdbc.sql(Rows.ORGANIZATION + " WHERE lower(o.code) = lower(:code)").param("code", code.trim())
                .query(Rows::organization).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationSummary> list() {
        return jdbc.sql(Rows.ORGANIZATION + " ORDER BY o.code").query(Rows::organization).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationSummary> list(Visibility visibility) {
        if (visibility.isEverything()) {
            return list();
        }
        if (visibility.isNothing()) {
            return List.of();
        }
        return jdbc.sql(Rows.SUBTREE + Rows.ORGANIZATION + " WHERE o.id IN (SELECT id FROM tree) ORDER BY o.code")
                .param("roots", ids(visibility.roots())).query(Rows::organization).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TreeNode> tree(LocalDate asOf, Visibility visibility) {
        if (visibility.isNothing()) {
            return List.of();
        }
        return forest(asOf, visibility.isEverything() ? null : visibility.roots());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TreeNode> subtree(OrganizationId id, LocalDate asOf) {
        return forest(asOf, Set.of(id)).stream().findFirst();
    }

    /** The tree as of a date from its periods, with member counts; from the given roots, or from the top. */
    private List<TreeNode> forest(LocalDate asOf, Collection<OrganizationId> roots) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        List<OrganizationSummary> all = jdbc.sql("""
                SELECT o.id, o.code, p.name, o.kind, p.parent_id, o.established_on, o.dissolved_on,
                       a.name AS agency, a.head_name
                FROM organizations.organization o
                JOIN organizations.organization_period p ON p.organization_id = o.id
                     AND p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to > :on)
                LEFT JOIN organizations.agency a ON a.id = o.agency_id
                WHERE o.established_on <= :on AND (o.dissolved_on IS NULL OR o.dissolved_on > :on)
                ORDER BY o.code
                """).param("on", on).query(Rows::organization).list();
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT organization_id, count(*) AS members FROM organizations.membership_period
                WHERE valid_from <= :on AND (valid_to IS NULL OR valid_to > :on) GROUP BY organization_id
                """).param("on", on).query(rs -> {
                    counts.put(rs.getObject("organization_id", UUID.class), rs.getInt("members"));
                });
        Map<UUID, List<OrganizationSummary>> children = new HashMap<>();
        Map<UUID, OrganizationSummary> byId = new HashMap<>();
        for (OrganizationSummary o : all) {
            byId.put(o.id().value(), o);
        }
        List<OrganizationSummary> tops = new ArrayList<>();
        for (OrganizationSummary o : all) {
            if (o.parentId() == null || !byId.containsKey(o.parentId().value())) {
                tops.add(o);
            } else {
                children.computeIfAbsent(o.parentId().value(), k -> new ArrayList<>()).add(o);
            }
        }
        List<OrganizationSummary> starts = roots == null ? tops
                : roots.stream().map(r -> byId.get(r.value())).filter(o -> o != null).toList();
        return starts.stream().map(o -> node(o, children, counts)).toList();
    }

    private static TreeNode node(OrganizationSummary o, Map<UUID, List<OrganizationSummary>> children,
            Map<UUID, Integer> counts) {
        List<TreeNode> below = children.getOrDefault(o.id().value(), List.of()).stream()
                .map(c -> node(c, children, counts)).toList();
        int own = counts.getOrDefault(o.id().value(), 0);
        return new TreeNode(o, own, own + below.stream().mapToInt(TreeNode::membersInSubtree).sum(), below);
    }

    /** Whether {@code candidate} is one of the roots or below one of them (a walk up the tree). */
    @Transactional(readOnly = true)
    boolean within(Collection<OrganizationId> roots, OrganizationId candidate) {
        if (roots.isEmpty() || candidate == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql("""
                WITH RECURSIVE up (id, parent_id, depth) AS (
                    SELECT id, parent_id, 0 FROM organizations.organization WHERE id = :candidate
                    UNION ALL
                    SELECT o.id, o.parent_id, up.depth + 1 FROM organizations.organization o
                    JOIN up ON o.id = up.parent_id WHERE up.depth < 64
                )
                SELECT EXISTS (SELECT 1 FROM up WHERE id = ANY (:roots))
                """).param("candidate", candidate.value()).param("roots", ids(roots)).query(Boolean.class).single());
    }

    /** The organizations under the roots (the roots included), in one query: for checking many rows at once. */
    @Transactional(readOnly = true)
    Set<OrganizationId> below(Collection<OrganizationId> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(Rows.SUBTREE + "SELECT id FROM tree").param("roots", ids(roots)).query(UUID.class).list().stream().map(OrganizationId::new).toList());
    }

    private static UUID[] ids(Collection<OrganizationId> ids) {
        return ids.stream().map(OrganizationId::value).toArray(UUID[]::new);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleAssignment> roles(OrganizationId id, LocalDate asOf) {
        return jdbc.sql("""
                SELECT r.id, r.organization_id, r.member_id, m.family_name, m.middle_name, m.given_name, r.role,
                       r.valid_from, r.valid_to, r.recorded_by
                FROM organizations.role_period r JOIN organizations.member m ON m.id = r.member_id
                WHERE r.organization_id = :id AND r.cancelled_at IS NULL
                """ + (asOf == null ? "" : " AND r.valid_from <= :on AND (r.valid_to IS NULL OR r.valid_to > :on)")
                + " ORDER BY r.valid_from, r.id").param("id", id.value()).param("on", asOf)
                .query((rs, row) -> new RoleAssignment(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)),
                        String.join(" ", rs.getString("family_name"), rs.getString("middle_name"),
                                rs.getString("given_name")).replace("  ", " "),
                        OrganizationRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("recorded_by")))
                .list().stream()
                // protocol order is the enumeration's order (Bí thư, Phó Bí thư, Cấp ủy viên, the agency's leaders)
                .sorted(Comparator.comparing(RoleAssignment::role)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(OrganizationId id) {
        return jdbc.sql("""
                SELECT p.name, parent.name AS parent_name, p.valid_from, p.valid_to
                FROM organizations.organization_period p
                LEFT JOIN organizations.organization parent ON parent.id = p.parent_id
                WHERE p.organization_id = :id ORDER BY p.valid_from
                """).param("id", id.value())
                .query((rs, row) -> new HistoryEntry("TREE", rs.getString("parent_name"), rs.getString("name"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    // ---------------------------------------------------------------- coordinating bodies

    @Override
    @Transactional(readOnly = true)
    public List<CoordinatingBody> coordinatingBodies() {
        Map<UUID, List<OrganizationId>> scopes = new HashMap<>();
        jdbc.sql("SELECT body_id, organization_id FROM organizations.coordinating_body_scope").query(rs -> {
            scopes.computeIfAbsent(rs.getObject("body_id", UUID.class), k -> new ArrayList<>())
                    .add(new OrganizationId(rs.getObject("organization_id", UUID.class)));
        });
        return jdbc.sql("SELECT id, code, name FROM organizations.coordinating_body ORDER BY code")
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new CoordinatingBody(id, rs.getString("code"), rs.getString("name"),
                            List.copyOf(scopes.getOrDefault(id, List.of())));
                }).list();
    }

    @Override
    public UUID addCoordinatingBody(AddCoordinatingBody command) {
        boolean taken = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM organizations.coordinating_body WHERE lower(code) = lower(:code))
                """).param("code", command.code().trim()).query(Boolean.class).single();
        if (taken) {
            throw new Refused(OrganizationRefusal.CODE_TAKEN, command.code().trim());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO organizations.coordinating_body (id, code, name) VALUES (:id, :code, :name)")
                .param("id", id).param("code", command.code().trim()).param("name", command.name().trim()).update();
        for (UUID organization : new java.util.LinkedHashSet<>(command.mayCommentOn())) {
            if (find(new OrganizationId(organization)).isEmpty()) {
                throw new Refused(OrganizationRefusal.COMMENTED_ORGANIZATION_UNKNOWN, organization);
            }
            jdbc.sql("INSERT INTO organizations.coordinating_body_scope (body_id, organization_id) VALUES (:b, :o)")
                    .param("b", id).param("o", organization).update();
        }
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationId> mayCommentOn(UUID body) {
        return jdbc.sql("SELECT organization_id FROM organizations.coordinating_body_scope WHERE body_id = :b")
                .param("b", body).query(UUID.class).list().stream().map(OrganizationId::new).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> bloc() {
        return jdbc.sql(Rows.ORGANIZATION + " WHERE o.kind = :kind AND o.dissolved_on IS NULL ORDER BY o.code LIMIT 1")
                .param("kind", OrganizationKind.BLOC_COMMITTEE.name()).query(Rows::organization).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public BlocCounts counts() {
        Optional<UUID> root = bloc().map(b -> b.id().value());
        String start = root.isPresent() ? "id = :root" : "parent_id IS NULL";
        return jdbc.sql("""
                WITH RECURSIVE tree (id, kind) AS (
                    SELECT id, kind FROM organizations.organization
                    WHERE dissolved_on IS NULL
                """ + " AND " + start + """
                    UNION ALL
                    SELECT o.id, o.kind FROM organizations.organization o JOIN tree ON o.parent_id = tree.id
                    WHERE o.dissolved_on IS NULL
                )
                SELECT count(*) AS organizations,
                       count(*) FILTER (WHERE kind IN (%s)) AS grassroots,
                       count(*) FILTER (WHERE kind IN (%s)) AS chapters,
                       (SELECT count(*) FROM organizations.member m WHERE m.organization_id IN (SELECT id FROM tree)
                          AND m.status IN (%s)) AS members
                FROM tree
                """.formatted(Rows.GRASSROOTS, Rows.HOLDING_MEMBERS, Rows.ON_ROLLS)).param("root", root.orElse(null))
                .query((rs, row) -> new BlocCounts(rs.getInt("organizations"), rs.getInt("grassroots"),
                        rs.getInt("chapters"), rs.getInt("members")))
                .single();
    }
}
