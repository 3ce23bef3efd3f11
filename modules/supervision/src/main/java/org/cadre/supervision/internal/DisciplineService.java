package org.cadre.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.DisciplineView;
import org.cadre.supervision.Disciplines;
import org.cadre.supervision.ImposeDiscipline;
import org.cadre.supervision.MeetingQuality;
import org.cadre.supervision.OrganizationDisciplineFacts;
import org.cadre.supervision.SupervisionRefusal;
import org.cadre.supervision.domain.Discipline;
import org.cadre.supervision.domain.Subject;
import org.cadre.supervision.domain.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Records disciplinary decisions. An expulsion ends the membership through {@link Members#end} in the same
 * transaction (docs/supervision.md): organizations owns the member's status, supervision the decision.
 */
@Service
@Validated
@Transactional
class DisciplineService implements Disciplines {

    private static final String VIEW = """
            SELECT d.*, v.description, v.self_detected, v.remedied
            FROM supervision.discipline d JOIN supervision.violation v ON v.id = d.violation_id
            """;

    private final JdbcClient jdbc;
    private final Members members;
    private final Organizations organizations;
    private final OrganizationAccess access;
    private final Tree tree;
    private final MeetingService meetings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisciplineService(JdbcClient jdbc, Members members, Organizations organizations, OrganizationAccess access,
            Tree tree, MeetingService meetings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.organizations = organizations;
        this.access = access;
        this.tree = tree;
        this.meetings = meetings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UUID impose(ImposeDiscipline command, Caller caller) {
        if ((command.memberId() == null) == (command.organizationId() == null)) {
            throw new Refused(SupervisionRefusal.SUBJECT_REQUIRED);
        }
        Subject subject;
        if (command.memberId() != null) {
            MemberId id = new MemberId(command.memberId());
            MemberSummary member = members.find(id)
                    .orElseThrow(() -> new Refused(SupervisionRefusal.MEMBER_UNKNOWN, id));
            access.requireChange(caller, id);
            subject = Subject.member(id, member.organizationId(), member.fullName(), member.status().isMember(),
                    member.confirmedOn() == null || member.confirmedOn().isAfter(command.decidedOn()));
        } else {
            OrganizationId id = new OrganizationId(command.organizationId());
            OrganizationSummary organization = tree.require(id);
            access.requireChange(caller, id);
            subject = Subject.organization(id, organization.name(), organization.dissolved());
        }
        Violation violation = violation(command, subject);
        Discipline discipline = Discipline.impose(UUID.randomUUID(), subject, violation, command.form(),
                command.decision(), command.decidedOn(), command.issuer(), LocalDate.now(clock));
        if (violation.isNew()) {
            jdbc.sql("""
                    INSERT INTO supervision.violation (id, member_id, organization_id, description, self_detected,
                        remedied) VALUES (:id, :member, :organization, :description, :selfDetected, :remedied)
                    """).param("id", violation.id())
                    .param("member", violation.member() == null ? null : violation.member().value())
                    .param("organization", violation.organization().value())
                    .param("description", violation.description()).param("selfDetected", violation.selfDetected())
                    .param("remedied", violation.remedied()).update();
        }
        jdbc.sql("""
                INSERT INTO supervision.discipline (id, violation_id, member_id, organization_id, form, decision,
                    decided_on, issuer, recorded_by)
                VALUES (:id, :violation, :member, :organization, :form, :decision, :decidedOn, :issuer, :by)
                """).param("id", discipline.id()).param("violation", violation.id())
                .param("member", subject.isMember() ? subject.member().value() : null)
                .param("organization", subject.organization().value()).param("form", discipline.form().name())
                .param("decision", discipline.decision()).param("decidedOn", discipline.decidedOn())
                .param("issuer", discipline.issuer()).param("by", caller.username()).update();
        if (discipline.endsMembership()) {
            // the member's status belongs to organizations: its own transition (and MemberLeft), same transaction
            members.end(subject.member(), new EndMembership(MemberStatus.REMOVED, discipline.decidedOn(),
                    shorten(violation.description(), 300), discipline.decision()));
        }
        events.publishEvent(discipline.imposed());
        return discipline.id();
    }

    private Violation violation(ImposeDiscipline command, Subject subject) {
        if (command.sameViolationAs() != null) {
            return jdbc.sql("""
                    SELECT v.* FROM supervision.violation v JOIN supervision.discipline d ON d.violation_id = v.id
                    WHERE d.id = :id
                    """).param("id", command.sameViolationAs())
                    .query((rs, n) -> new Violation(rs.getObject("id", UUID.class),
                            rs.getObject("member_id", UUID.class) == null ? null
                                    : new MemberId(rs.getObject("member_id", UUID.class)),
                            new OrganizationId(rs.getObject("organization_id", UUID.class)),
                            rs.getString("description"), rs.getBoolean("self_detected"), rs.getBoolean("remedied"),
                            false))
                    .optional().orElseThrow(() -> new Refused(SupervisionRefusal.VIOLATION_UNKNOWN,
                            command.sameViolationAs()));
        }
        if (command.violation() == null || command.violation().isBlank()) {
            throw new Refused(SupervisionRefusal.VIOLATION_REQUIRED);
        }
        return new Violation(UUID.randomUUID(), subject.member(), subject.organization(), command.violation().strip(),
                command.selfDetected(), command.selfDetected() && command.remedied(), true);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisciplineView> ofMember(MemberId member) {
        return jdbc.sql(VIEW + " WHERE d.member_id = :member ORDER BY d.decided_on DESC, d.id")
                .param("member", member.value()).query(DisciplineService::view).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisciplineView> within(OrganizationId organization, int year, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return jdbc.sql(VIEW + """
                 WHERE d.organization_id = ANY(:ids) AND extract(YEAR FROM d.decided_on) = :year
                ORDER BY d.decided_on DESC, d.id
                """).param("ids", tree.ids(organization)).param("year", year)
                .query(DisciplineService::view).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisciplineView> memberYear(MemberId member, int year) {
        return jdbc.sql(VIEW + """
                 WHERE d.member_id = :member AND extract(YEAR FROM d.decided_on) = :year
                ORDER BY d.decided_on, d.id
                """).param("member", member.value()).param("year", year).query(DisciplineService::view).list();
    }

    @Override
    @Transactional(readOnly = true)
    public OrganizationDisciplineFacts organizationYear(OrganizationId organization, int year) {
        List<DisciplineView> own = jdbc.sql(VIEW + """
                 WHERE d.organization_id = :organization AND d.member_id IS NULL
                    AND extract(YEAR FROM d.decided_on) = :year ORDER BY d.decided_on, d.id
                """).param("organization", organization.value()).param("year", year)
                .query(DisciplineService::view).list();
        List<DisciplineView> ofMembers = jdbc.sql(VIEW + """
                 WHERE d.member_id IS NOT NULL AND extract(YEAR FROM d.decided_on) = :year
                    AND d.organization_id = ANY(:ids) ORDER BY d.decided_on, d.id
                """).param("year", year).param("ids", tree.ids(organization))
                .query(DisciplineService::view).list();
        List<DisciplineView> leadership = ofMembers.stream().filter(d -> organizations
                .roles(organization, d.decidedOn()).stream().map(RoleAssignment::member)
                .anyMatch(d.member()::equals)).toList();
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        List<OrganizationId> children = organizations.subtree(organization, endOfYear)
                .map(node -> node.children().stream().map(TreeNode::organization).map(OrganizationSummary::id)
                        .toList()).orElse(List.of());
        Set<OrganizationId> disciplined = new HashSet<>();
        Set<OrganizationId> selfDetected = new HashSet<>();
        for (OrganizationId child : children) {
            jdbc.sql(VIEW + """
                     WHERE d.organization_id = :child AND d.member_id IS NULL
                        AND extract(YEAR FROM d.decided_on) = :year
                    """).param("child", child.value()).param("year", year).query(DisciplineService::view).list()
                    .forEach(d -> {
                        disciplined.add(child);
                        if (d.selfDetected() && d.remedied()) {
                            selfDetected.add(child);
                        }
                    });
        }
        MeetingQuality quality = meetings.quality(organization, year);
        return new OrganizationDisciplineFacts(organization, year, own, leadership, children.size(),
                disciplined.size(), selfDetected.size(), meetings.held(organization, year),
                quality.regularRequired() + quality.thematicRequired());
    }

    private static DisciplineView view(ResultSet rs, int n) throws SQLException {
        UUID member = rs.getObject("member_id", UUID.class);
        return new DisciplineView(rs.getObject("id", UUID.class), rs.getObject("violation_id", UUID.class),
                member == null ? null : new MemberId(member),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                DisciplineForm.valueOf(rs.getString("form")), rs.getString("decision"),
                rs.getObject("decided_on", LocalDate.class), rs.getString("issuer"), rs.getString("description"),
                rs.getBoolean("self_detected"), rs.getBoolean("remedied"));
    }
}
