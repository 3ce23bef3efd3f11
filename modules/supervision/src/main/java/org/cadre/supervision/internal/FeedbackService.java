package org.cadre.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cadre.organizations.CoordinatingBody;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.supervision.CommentView;
import org.cadre.supervision.Feedback;
import org.cadre.supervision.FeedbackReceived;
import org.cadre.supervision.FeedbackRequestView;
import org.cadre.supervision.GiveFeedback;
import org.cadre.supervision.RequestFeedback;
import org.cadre.supervision.ReviewerDesk;
import org.cadre.supervision.Stance;
import org.cadre.supervision.SupervisionRefusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Requests for comments to coordinating bodies and the comments their reviewers give, within each body's remit. */
@Service
@Validated
@Transactional
class FeedbackService implements Feedback {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Members members;
    private final OrganizationAccess access;
    private final Tree tree;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedbackService(JdbcClient jdbc, Organizations organizations, Members members, OrganizationAccess access,
            Tree tree, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.tree = tree;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<UUID> request(RequestFeedback command, Caller caller) {
        OrganizationId organization = new OrganizationId(command.organizationId());
        tree.require(organization);
        access.requireChange(caller, organization);
        if (command.bodies().isEmpty()) {
            throw new Refused(SupervisionRefusal.NO_BODIES);
        }
        LocalDate today = LocalDate.now(clock);
        if (command.deadline().isBefore(today)) {
            throw new Refused(SupervisionRefusal.DEADLINE_BEFORE_REQUEST, command.deadline(), today);
        }
        Set<UUID> known = organizations.coordinatingBodies().stream().map(CoordinatingBody::id)
                .collect(Collectors.toSet());
        List<UUID> out = new ArrayList<>();
        for (UUID body : new java.util.LinkedHashSet<>(command.bodies())) {
            if (!known.contains(body)) {
                throw new Refused(SupervisionRefusal.BODY_UNKNOWN, body);
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO supervision.feedback_request (id, body_id, organization_id, year, deadline, note,
                        requested_on, requested_by)
                    VALUES (:id, :body, :organization, :year, :deadline, :note, :on, :by)
                    """).param("id", id).param("body", body).param("organization", organization.value())
                    .param("year", command.year()).param("deadline", command.deadline())
                    .param("note", command.note()).param("on", today).param("by", caller.username()).update();
            out.add(id);
        }
        return out;
    }

    @Override
    public UUID comment(GiveFeedback command, Caller caller) {
        UUID body = caller.coordinatingBody().orElse(null);
        if (body == null || !caller.roles().contains(Role.REVIEWER)) {
            throw new Refused(SupervisionRefusal.NOT_A_REVIEWER);
        }
        OrganizationId organization;
        MemberId member = null;
        String name;
        if (command.memberId() != null) {
            member = new MemberId(command.memberId());
            MemberSummary found = members.find(member)
                    .orElseThrow(() -> new Refused(SupervisionRefusal.MEMBER_UNKNOWN, command.memberId()));
            organization = found.organizationId();
            name = found.fullName();
        } else if (command.organizationId() != null) {
            organization = new OrganizationId(command.organizationId());
            name = tree.require(organization).name();
        } else {
            throw new Refused(SupervisionRefusal.SUBJECT_REQUIRED);
        }
        if (!remit(body).contains(organization.value())) {
            throw new Refused(SupervisionRefusal.OUTSIDE_REMIT, name);
        }
        if (command.requestId() != null) {
            UUID sentTo = jdbc.sql("SELECT body_id FROM supervision.feedback_request WHERE id = :id")
                    .param("id", command.requestId()).query(UUID.class).optional()
                    .orElseThrow(() -> new Refused(SupervisionRefusal.REQUEST_UNKNOWN, command.requestId()));
            if (!sentTo.equals(body)) {
                throw new Refused(SupervisionRefusal.REQUEST_OF_ANOTHER_BODY);
            }
        }
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO supervision.comment (id, body_id, request_id, organization_id, member_id, year, stance,
                    text, commented_on, commented_by)
                VALUES (:id, :body, :request, :organization, :member, :year, :stance, :text, :on, :by)
                """).param("id", id).param("body", body).param("request", command.requestId())
                .param("organization", organization.value()).param("member", member == null ? null : member.value())
                .param("year", command.year()).param("stance", command.stance().name())
                .param("text", command.text().strip()).param("on", today).param("by", caller.username()).update();
        events.publishEvent(new FeedbackReceived(id, body, command.requestId(), organization, member,
                command.year(), command.stance(), today));
        return id;
    }

    /** The organizations a body may comment on, with their subtrees. */
    private Set<UUID> remit(UUID body) {
        Set<UUID> out = new HashSet<>();
        organizations.mayCommentOn(body).forEach(root -> out.addAll(Arrays.asList(tree.ids(root))));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FeedbackRequestView> requests(OrganizationId organization, int year, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return requests("r.organization_id = ANY(:ids) AND r.year = :year",
                Map.of("ids", tree.ids(organization), "year", year));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CommentView> comments(OrganizationId organization, int year, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return comments("c.organization_id = ANY(:ids) AND c.year = :year",
                Map.of("ids", tree.ids(organization), "year", year));
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewerDesk desk(Caller caller) {
        UUID id = caller.coordinatingBody().orElse(null);
        CoordinatingBody body = id == null ? null : organizations.coordinatingBodies().stream()
                .filter(b -> b.id().equals(id)).findFirst().orElse(null);
        if (body == null) {
            throw new Refused(SupervisionRefusal.NOT_A_REVIEWER);
        }
        List<OrganizationSummary> remit = body.mayCommentOn().stream().map(organizations::find)
                .flatMap(java.util.Optional::stream).toList();
        List<FeedbackRequestView> open = requests("r.body_id = :body", Map.of("body", id)).stream()
                .filter(r -> !r.answered()).sorted(java.util.Comparator.comparing(FeedbackRequestView::deadline))
                .toList();
        return new ReviewerDesk(body, remit, open, comments("c.body_id = :body", Map.of("body", id)));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Stance, Integer> memberYear(MemberId member, int year) {
        return byStance("member_id = :subject", member.value(), year);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Stance, Integer> organizationYear(OrganizationId organization, int year) {
        return byStance("member_id IS NULL AND organization_id = :subject", organization.value(), year);
    }

    private Map<Stance, Integer> byStance(String subject, UUID id, int year) {
        Map<Stance, Integer> out = new EnumMap<>(Stance.class);
        for (Stance s : Stance.values()) {
            out.put(s, 0);
        }
        jdbc.sql("SELECT stance, count(*) FROM supervision.comment WHERE year = :year AND " + subject
                + " GROUP BY stance").param("year", year).param("subject", id)
                .query((ResultSet rs) -> {
                    out.put(Stance.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return out;
    }

    private List<FeedbackRequestView> requests(String where, Map<String, Object> params) {
        Map<UUID, String> bodies = bodyNames();
        List<FeedbackRequestView> found = jdbc.sql("""
                SELECT r.*, (SELECT count(*) FROM supervision.comment c WHERE c.request_id = r.id) AS answers
                FROM supervision.feedback_request r WHERE\s""" + where + " ORDER BY r.deadline, r.id")
                .params(params).query((rs, n) -> new FeedbackRequestView(rs.getObject("id", UUID.class),
                        rs.getObject("body_id", UUID.class), bodies.get(rs.getObject("body_id", UUID.class)),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)), null, rs.getInt("year"),
                        rs.getObject("deadline", LocalDate.class), rs.getString("note"),
                        rs.getObject("requested_on", LocalDate.class), rs.getInt("answers")))
                .list();
        Map<OrganizationId, String> names = organizations.labels(found.stream()
                .map(FeedbackRequestView::organization).collect(Collectors.toSet()));
        return found.stream().map(r -> new FeedbackRequestView(r.id(), r.body(), r.bodyName(), r.organization(),
                names.get(r.organization()), r.year(), r.deadline(), r.note(), r.requestedOn(), r.answers()))
                .toList();
    }

    private List<CommentView> comments(String where, Map<String, Object> params) {
        Map<UUID, String> bodies = bodyNames();
        List<CommentView> found = jdbc.sql("SELECT c.* FROM supervision.comment c WHERE " + where
                + " ORDER BY c.commented_on DESC, c.id").params(params)
                .query((rs, n) -> view(rs, bodies)).list();
        Map<OrganizationId, String> names = organizations.labels(found.stream().map(CommentView::organization)
                .collect(Collectors.toSet()));
        Function<CommentView, String> subject = c -> c.member() == null ? names.get(c.organization())
                : members.find(c.member()).map(MemberSummary::fullName).orElse("");
        return found.stream().map(c -> new CommentView(c.id(), c.body(), c.bodyName(), c.request(),
                c.organization(), subject.apply(c), c.member(), c.year(), c.stance(), c.text(), c.commentedOn()))
                .toList();
    }

    private Map<UUID, String> bodyNames() {
        return organizations.coordinatingBodies().stream()
                .collect(Collectors.toMap(CoordinatingBody::id, CoordinatingBody::name, (a, b) -> a));
    }

    private static CommentView view(ResultSet rs, Map<UUID, String> bodies) throws SQLException {
        UUID member = rs.getObject("member_id", UUID.class);
        return new CommentView(rs.getObject("id", UUID.class), rs.getObject("body_id", UUID.class),
                bodies.get(rs.getObject("body_id", UUID.class)), rs.getObject("request_id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), null,
                member == null ? null : new MemberId(member), rs.getInt("year"),
                Stance.valueOf(rs.getString("stance")), rs.getString("text"),
                rs.getObject("commented_on", LocalDate.class));
    }
}
