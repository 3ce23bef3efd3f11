package org.cadre.organizations.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.BlocCounts;
import org.cadre.organizations.CoordinatingBody;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.HistoryEntry;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MoveOrganization;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRejected;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.RoleEnded;
import org.cadre.organizations.TreeNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree, its history and roles. Registration goes through the {@link Organization} aggregate (which registers
 * its event); the changes over time are written as periods and publish their events through the publisher, in
 * the same transaction.
 */
@Service
@Transactional
class OrganizationService implements Organizations {

    private final OrganizationRepository organizations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrganizationService(OrganizationRepository organizations, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public OrganizationId register(RegisterOrganization command) {
        String code = command.code().trim();
        if (organizations.existsByCodeIgnoringCase(code)) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "code-taken", "code", code);
        }
        if (command.parentId() != null) {
            OrganizationSummary parent = find(new OrganizationId(command.parentId())).orElseThrow(
                    () -> new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "parent-unknown", "parentId",
                            command.parentId()));
            if (parent.dissolved()) {
                throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-dissolved",
                        "parentId", parent.name());
            }
        }
        Organization organization = Organization.register(code, command.name().trim(), command.kind(),
                command.parentId(), command.establishedOn());
        OrganizationId id = organizations.save(organization).organizationId();
        jdbc.sql("""
                INSERT INTO organizations.organization_period (organization_id, parent_id, name, valid_from)
                VALUES (:id, :parent, :name, :from)
                """).param("id", id.value()).param("parent", command.parentId()).param("name", command.name().trim())
                .param("from", command.establishedOn()).update();
        return id;
    }

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
    public List<TreeNode> tree(LocalDate asOf, Collection<OrganizationId> roots) {
        LocalDate on = asOf == null ? LocalDate.now() : asOf;
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
        List<OrganizationSummary> starts = roots == null || roots.isEmpty() ? tops
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

    @Override
    public void move(OrganizationId id, MoveOrganization command) {
        OrganizationSummary organization = existing(id);
        OrganizationSummary parent = find(new OrganizationId(command.parentId())).orElseThrow(
                () -> new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "parent-unknown", "parentId",
                        command.parentId()));
        if (organization.dissolved() || parent.dissolved()) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-dissolved", "parentId",
                    organization.dissolved() ? organization.name() : parent.name());
        }
        if (within(List.of(id), parent.id())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "move-cycle", "parentId",
                    organization.name(), parent.name());
        }
        closeOpenPeriod(id, command.on());
        jdbc.sql("""
                INSERT INTO organizations.organization_period (organization_id, parent_id, name, valid_from)
                VALUES (:id, :parent, :name, :from)
                """).param("id", id.value()).param("parent", parent.id().value()).param("name", organization.name())
                .param("from", command.on()).update();
        jdbc.sql("UPDATE organizations.organization SET parent_id = :parent, version = version + 1 WHERE id = :id")
                .param("parent", parent.id().value()).param("id", id.value()).update();
        events.publishEvent(new OrganizationMoved(id, organization.parentId(), parent.id(), command.on()));
    }

    @Override
    public void rename(OrganizationId id, org.cadre.organizations.RenameOrganization command) {
        OrganizationSummary organization = existing(id);
        if (organization.dissolved()) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-dissolved", "id",
                    organization.name());
        }
        String name = command.name().trim();
        closeOpenPeriod(id, command.on());
        jdbc.sql("""
                INSERT INTO organizations.organization_period (organization_id, parent_id, name, valid_from)
                VALUES (:id, :parent, :name, :from)
                """).param("id", id.value())
                .param("parent", organization.parentId() == null ? null : organization.parentId().value())
                .param("name", name).param("from", command.on()).update();
        jdbc.sql("UPDATE organizations.organization SET name = :name, version = version + 1 WHERE id = :id")
                .param("name", name).param("id", id.value()).update();
        events.publishEvent(new org.cadre.organizations.OrganizationRenamed(id, name, command.on()));
    }

    @Override
    public void setAgency(OrganizationId id, org.cadre.organizations.SetAgency command) {
        OrganizationSummary organization = existing(id);
        if (organization.dissolved()) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-dissolved", "id",
                    organization.name());
        }
        String head = command.headName() == null || command.headName().isBlank() ? null : command.headName().trim();
        UUID agency = jdbc.sql("""
                INSERT INTO organizations.agency (id, code, name, head_name) VALUES (:id, :code, :name, :head)
                ON CONFLICT (lower(code)) DO UPDATE SET name = excluded.name, head_name = excluded.head_name
                RETURNING id
                """).param("id", UUID.randomUUID()).param("code", command.code().trim())
                .param("name", command.name().trim()).param("head", head).query(UUID.class).single();
        jdbc.sql("UPDATE organizations.organization SET agency_id = :agency, version = version + 1 WHERE id = :id")
                .param("agency", agency).param("id", id.value()).update();
        events.publishEvent(new org.cadre.organizations.AgencyAssigned(id, agency, command.name().trim(), head));
    }

    private void closeOpenPeriod(OrganizationId id, LocalDate on) {
        LocalDate from = jdbc.sql("""
                SELECT valid_from FROM organizations.organization_period WHERE organization_id = :id AND valid_to IS NULL
                """).param("id", id.value()).query(LocalDate.class).optional().orElse(on);
        if (!on.isAfter(from)) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "date-before-current", "on", on, from);
        }
        jdbc.sql("""
                UPDATE organizations.organization_period SET valid_to = :on
                WHERE organization_id = :id AND valid_to IS NULL
                """).param("on", on).param("id", id.value()).update();
    }

    @Override
    public void dissolve(OrganizationId id, DatedChange command) {
        OrganizationSummary organization = existing(id);
        if (organization.dissolved()) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "organization-dissolved", "id", organization.name());
        }
        if (command.on().isBefore(organization.establishedOn())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "dates-out-of-order", "on",
                    organization.name());
        }
        int remaining = jdbc.sql("""
                SELECT (SELECT count(*) FROM organizations.member WHERE organization_id = :id
                          AND status IN ('ACTIVE', 'EXEMPT', 'SUSPENDED'))
                     + (SELECT count(*) FROM organizations.organization WHERE parent_id = :id AND dissolved_on IS NULL)
                """).param("id", id.value()).query(Integer.class).single();
        if (remaining > 0) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "dissolve-not-empty", "id", organization.name());
        }
        closeOpenPeriod(id, command.on());
        jdbc.sql("""
                UPDATE organizations.organization SET dissolved_on = :on, version = version + 1 WHERE id = :id
                """).param("on", command.on()).param("id", id.value()).update();
        endOpenRoles("organization_id", id.value(), command.on());
        events.publishEvent(new OrganizationDissolved(id, command.on()));
    }

    /**
     * Ends every open role of a member ({@code member_id}) or in an organization ({@code organization_id}) on that
     * date and publishes a {@link RoleEnded} for each, in the caller's transaction, so consumers see the roles end.
     */
    void endOpenRoles(String column, UUID value, LocalDate on) {
        if (!column.equals("member_id") && !column.equals("organization_id")) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE organizations.role_period SET valid_to = :on WHERE " + column
                        + " = :value AND valid_to IS NULL RETURNING id, organization_id, member_id, role")
                .param("on", on).param("value", value)
                .query((rs, row) -> new RoleEnded(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)),
                        OrganizationRole.valueOf(rs.getString("role")), on))
                .list().forEach(events::publishEvent);
    }

    OrganizationSummary existing(OrganizationId id) {
        return find(id).orElseThrow(() -> new OrganizationRejected(HttpStatus.NOT_FOUND, "organization-unknown",
                "organizationId", id));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean within(Collection<OrganizationId> roots, OrganizationId candidate) {
        if (roots.isEmpty() || candidate == null) {
            return false;
        }
        UUID[] ids = roots.stream().map(OrganizationId::value).toArray(UUID[]::new);
        return Boolean.TRUE.equals(jdbc.sql("""
                WITH RECURSIVE up (id, parent_id, depth) AS (
                    SELECT id, parent_id, 0 FROM organizations.organization WHERE id = :candidate
                    UNION ALL
                    SELECT o.id, o.parent_id, up.depth + 1 FROM organizations.organization o
                    JOIN up ON o.id = up.parent_id WHERE up.depth < 64
                )
                SELECT EXISTS (SELECT 1 FROM up WHERE id = ANY (:roots))
                """).param("candidate", candidate.value()).param("roots", ids).query(Boolean.class).single());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoleAssignment> roles(OrganizationId id, LocalDate asOf) {
        return jdbc.sql("""
                SELECT r.id, r.organization_id, r.member_id, m.family_name, m.middle_name, m.given_name, r.role,
                       r.valid_from, r.valid_to
                FROM organizations.role_period r JOIN organizations.member m ON m.id = r.member_id
                WHERE r.organization_id = :id
                """ + (asOf == null ? "" : " AND r.valid_from <= :on AND (r.valid_to IS NULL OR r.valid_to > :on)")
                + " ORDER BY r.role, r.valid_from").param("id", id.value()).param("on", asOf == null ? LocalDate.now() : asOf)
                .query((rs, row) -> new RoleAssignment(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)),
                        String.join(" ", rs.getString("family_name"), rs.getString("middle_name"),
                                rs.getString("given_name")).replace("  ", " "),
                        OrganizationRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    @Override
    public UUID assignRole(OrganizationId id, AssignRole command) {
        OrganizationSummary organization = existing(id);
        if (organization.dissolved()) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "organization-dissolved",
                    "organizationId", organization.name());
        }
        UUID memberOrganization = jdbc.sql("""
                SELECT organization_id FROM organizations.member WHERE id = :m AND status IN ('ACTIVE', 'EXEMPT')
                FOR UPDATE
                """).param("m", command.memberId()).query(UUID.class).optional()
                .orElseThrow(() -> new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "member-unknown",
                        "memberId", command.memberId()));
        if (!within(List.of(id), new OrganizationId(memberOrganization))) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "role-outside-organization",
                    "memberId", organization.name());
        }
        boolean held = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM organizations.role_period WHERE organization_id = :o AND member_id = :m
                               AND role = :role AND valid_to IS NULL)
                """).param("o", id.value()).param("m", command.memberId()).param("role", command.role().name())
                .query(Boolean.class).single();
        if (held) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "role-held", "role", organization.name());
        }
        UUID assignment = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO organizations.role_period (id, organization_id, member_id, role, valid_from)
                VALUES (:id, :o, :m, :role, :from)
                """).param("id", assignment).param("o", id.value()).param("m", command.memberId())
                .param("role", command.role().name()).param("from", command.from()).update();
        events.publishEvent(new RoleAssigned(assignment, id, new MemberId(command.memberId()), command.role(),
                command.from()));
        return assignment;
    }

    @Override
    public void endRole(OrganizationId id, UUID assignment, DatedChange command) {
        RoleAssignment role = jdbc.sql("""
                SELECT id, organization_id, member_id, role, valid_from FROM organizations.role_period
                WHERE id = :id AND organization_id = :organization AND valid_to IS NULL
                """).param("id", assignment).param("organization", id.value())
                .query((rs, row) -> new RoleAssignment(assignment,
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)), null,
                        OrganizationRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class),
                        null))
                .optional().orElseThrow(() -> new OrganizationRejected(HttpStatus.NOT_FOUND, "role-unknown",
                        "assignment", assignment));
        if (command.on().isBefore(role.from())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "dates-out-of-order", "on",
                    role.role());
        }
        jdbc.sql("UPDATE organizations.role_period SET valid_to = :on WHERE id = :id")
                .param("on", command.on()).param("id", assignment).update();
        events.publishEvent(new RoleEnded(assignment, role.organization(), role.member(), role.role(), command.on()));
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
    public UUID addCoordinatingBody(String code, String name, Collection<OrganizationId> mayCommentOn) {
        boolean taken = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM organizations.coordinating_body WHERE lower(code) = lower(:code))
                """).param("code", code.trim()).query(Boolean.class).single();
        if (taken) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "code-taken", "code", code);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO organizations.coordinating_body (id, code, name) VALUES (:id, :code, :name)")
                .param("id", id).param("code", code.trim()).param("name", name.trim()).update();
        for (OrganizationId organization : mayCommentOn) {
            existing(organization);
            jdbc.sql("INSERT INTO organizations.coordinating_body_scope (body_id, organization_id) VALUES (:b, :o)")
                    .param("b", id).param("o", organization.value()).update();
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
                       count(*) FILTER (WHERE kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CHAPTER')) AS grassroots,
                       count(*) FILTER (WHERE kind IN ('GRASSROOTS_CHAPTER', 'CHAPTER')) AS chapters,
                       (SELECT count(*) FROM organizations.member m WHERE m.organization_id IN (SELECT id FROM tree)
                          AND m.status IN ('ACTIVE', 'EXEMPT', 'SUSPENDED')) AS members
                FROM tree
                """).param("root", root.orElse(null))
                .query((rs, row) -> new BlocCounts(rs.getInt("organizations"), rs.getInt("grassroots"),
                        rs.getInt("chapters"), rs.getInt("members")))
                .single();
    }
}
