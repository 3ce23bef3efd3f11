package org.cadre.commitments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.commitments.ActionProgramAdopted;
import org.cadre.commitments.ActionProgrammes;
import org.cadre.commitments.AdoptProgramme;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.CreateProgramme;
import org.cadre.commitments.OrganizationYearFacts;
import org.cadre.commitments.ProgrammeItemStatus;
import org.cadre.commitments.ProgrammeTask;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RecordReview;
import org.cadre.commitments.RegulationKind;
import org.cadre.commitments.RegulationReviewed;
import org.cadre.commitments.ReviewDecision;
import org.cadre.commitments.ReviewView;
import org.cadre.commitments.domain.Programme;
import org.cadre.commitments.domain.RegulationReview;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RoleAssignment;
import org.cadre.commitments.CommitmentEdits;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;
import org.cadre.platform.Edits;
import org.cadre.platform.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Action programmes with their two signatures, and the regulation-review log. */
@Service
@Validated
@Transactional
class ProgrammeService implements ActionProgrammes {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Members members;
    private final StudyService study;
    private final Subtrees subtrees;
    private final Guard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Edits edits;

    ProgrammeService(JdbcClient jdbc, Organizations organizations, Members members, StudyService study,
            Subtrees subtrees, Guard guard, ApplicationEventPublisher events, Clock clock, Edits edits) {
        this.edits = edits;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.members = members;
        this.study = study;
        this.subtrees = subtrees;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UUID create(CreateProgramme command, Caller caller) {
        OrganizationId organization = new OrganizationId(command.organizationId());
        guard.requireChapter(caller, organization);
        OrganizationSummary summary = organizations.find(organization)
                .orElseThrow(() -> new Refused(CommitmentsRefusal.ORGANIZATION_UNKNOWN, organization));
        if (!summary.kind().isGrassroots()) {
            throw new Refused(CommitmentsRefusal.NOT_GRASSROOTS, summary.name());
        }
        var resolution = study.resolution(command.resolutionId())
                .orElseThrow(() -> new Refused(CommitmentsRefusal.RESOLUTION_UNKNOWN, command.resolutionId()));
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO commitments.programme (id, organization_id, resolution_id, year, title)
                    VALUES (:id, :organization, :resolution, :year, :title)
                    """).param("id", id).param("organization", organization.value()).param("resolution", resolution.id())
                    .param("year", command.year()).param("title", StudyService.blankToNull(command.title())).update();
        } catch (DuplicateKeyException taken) {
            throw new Refused(CommitmentsRefusal.PROGRAMME_EXISTS, resolution.number(), command.year());
        }
        return id;
    }

    @Override
    public void addTask(UUID programme, ProgrammeTask task, Caller caller) {
        Programme p = locked(programme, caller);
        Programme.Task added = p.add(UUID.randomUUID(), task);
        jdbc.sql("""
                INSERT INTO commitments.programme_task (id, programme_id, position, task, responsible, deadline, status)
                VALUES (:id, :programme, :position, :task, :responsible, :deadline, :status)
                """).param("id", added.id()).param("programme", programme).param("position", added.position())
                .param("task", added.task()).param("responsible", added.responsible())
                .param("deadline", added.deadline()).param("status", added.status().name()).update();
    }

    @Override
    public void progress(UUID programme, UUID task, ProgrammeItemStatus status, Caller caller) {
        progress(programme, task, status, null, caller);
    }

    @Override
    public void progress(UUID programme, UUID task, ProgrammeItemStatus status, EditVersion loaded, Caller caller) {
        Programme p = locked(programme, caller);
        p.progress(task, status);
        // after the scope and the task's existence are checked: a conflict tells only those who may change it
        edits.claim(CommitmentEdits.programmeTask(task), loaded);
        jdbc.sql("UPDATE commitments.programme_task SET status = :status WHERE id = :id")
                .param("status", status.name()).param("id", task).update();
    }

    @Override
    public void adopt(UUID programme, AdoptProgramme command, Caller caller) {
        Programme p = locked(programme, caller);
        List<RoleAssignment> roles = organizations.roles(p.organization(), command.on());
        MemberId secretary = command.committeeSigner() == null ? null : new MemberId(command.committeeSigner());
        MemberId head = command.agencyHeadSigner() == null ? null : new MemberId(command.agencyHeadSigner());
        ActionProgramAdopted adopted = p.adopt(secretary, holds(roles, secretary, OrganizationRole.SECRETARY), head,
                holds(roles, head, OrganizationRole.AGENCY_HEAD), command.on());
        jdbc.sql("""
                UPDATE commitments.programme SET adopted_on = :on, committee_signer = :secretary,
                    committee_signer_name = :secretaryName, agency_head_signer = :head, agency_head_signer_name = :headName
                WHERE id = :id
                """).param("on", adopted.adoptedOn()).param("secretary", secretary.value())
                .param("secretaryName", name(roles, secretary)).param("head", head.value())
                .param("headName", name(roles, head)).param("id", programme).update();
        events.publishEvent(adopted);
    }

    private static boolean holds(List<RoleAssignment> roles, MemberId member, OrganizationRole role) {
        return member != null && roles.stream().anyMatch(r -> r.role() == role && r.member().equals(member));
    }

    private String name(List<RoleAssignment> roles, MemberId member) {
        return roles.stream().filter(r -> r.member().equals(member)).map(RoleAssignment::memberName).findFirst()
                .orElseGet(() -> members.find(member).map(m -> m.fullName()).orElse(null));
    }

    @Override
    public UUID recordReview(RecordReview command, Caller caller) {
        OrganizationId organization = new OrganizationId(command.organizationId());
        guard.requireChapter(caller, organization);
        UUID id = UUID.randomUUID();
        RegulationReviewed reviewed = RegulationReview.record(id, command, LocalDate.now(clock));
        jdbc.sql("""
                INSERT INTO commitments.regulation_review (id, organization_id, year, title, kind, decision,
                    reviewed_on, note, recorded_by)
                VALUES (:id, :organization, :year, :title, :kind, :decision, :on, :note, :by)
                """).param("id", id).param("organization", organization.value()).param("year", reviewed.year())
                .param("title", reviewed.title()).param("kind", reviewed.kind().name())
                .param("decision", reviewed.decision().name()).param("on", reviewed.reviewedOn())
                .param("note", StudyService.blankToNull(command.note())).param("by", caller.username()).update();
        events.publishEvent(reviewed);
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProgrammeView> find(UUID programme) {
        return views(" WHERE p.id = :id", "id", programme).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProgrammeView> of(OrganizationId organization) {
        return views(" WHERE p.organization_id = :organization ORDER BY p.year DESC, r.number", "organization",
                organization.value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReviewView> reviews(OrganizationId organization, int year) {
        return jdbc.sql("""
                SELECT * FROM commitments.regulation_review WHERE organization_id = :organization AND year = :year
                ORDER BY reviewed_on DESC, title
                """).param("organization", organization.value()).param("year", year)
                .query((rs, n) -> new ReviewView(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getInt("year"),
                        rs.getString("title"), RegulationKind.valueOf(rs.getString("kind")),
                        ReviewDecision.valueOf(rs.getString("decision")), rs.getObject("reviewed_on", LocalDate.class),
                        rs.getString("note")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public OrganizationYearFacts organizationYear(OrganizationId organization, int year) {
        UUID[] below = subtrees.ids(organization);
        Object[] programme = jdbc.sql("""
                SELECT coalesce(bool_or(adopted_on IS NOT NULL), FALSE), coalesce(bool_or(committee_signer IS NOT NULL), FALSE),
                    coalesce(bool_or(agency_head_signer IS NOT NULL), FALSE)
                FROM commitments.programme WHERE organization_id = :organization AND year = :year
                """).param("organization", organization.value()).param("year", year)
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)}).single();
        int reviews = jdbc.sql("""
                SELECT count(*) FROM commitments.regulation_review WHERE organization_id = :organization AND year = :year
                """).param("organization", organization.value()).param("year", year).query(Integer.class).single();
        int[] study = jdbc.sql("""
                SELECT count(*) FILTER (WHERE d.status = 'ACTIVE'),
                    count(*) FILTER (WHERE d.status = 'ACTIVE' AND d.studied_on IS NOT NULL)
                FROM commitments.duty d JOIN commitments.campaign c ON c.id = d.campaign_id
                WHERE c.year = :year AND d.organization_id = ANY(:below)
                """).param("year", year).param("below", below)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        int[] targets = jdbc.sql("""
                SELECT count(*) FILTER (WHERE (i.status = 'FULFILLED' AND (i.completed_on IS NULL
                        OR i.completed_on > i.deadline))
                        OR (i.status = 'OPEN' AND i.deadline < :today AND i.progress < 100)),
                    count(*), count(*) FILTER (WHERE i.status = 'FULFILLED'),
                    count(*) FILTER (WHERE i.status = 'FULFILLED' AND i.exceeded)
                FROM commitments.register_item i JOIN commitments.register g ON g.id = i.register_id
                WHERE g.year = :year AND g.status = 'APPROVED' AND g.organization_id = ANY(:below)
                """).param("year", year).param("below", below).param("today", LocalDate.now(clock))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).single();
        return new OrganizationYearFacts(organization, year, (Boolean) programme[0], (Boolean) programme[1],
                (Boolean) programme[2], reviews, study[0], study[1], targets[0], targets[1], targets[2], targets[3]);
    }

    private Programme locked(UUID id, Caller caller) {
        Programme p = jdbc.sql("SELECT * FROM commitments.programme WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> new Programme(id, new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getObject("resolution_id", UUID.class), rs.getInt("year"), rs.getString("title"),
                        rs.getObject("adopted_on", LocalDate.class), memberId(rs.getObject("committee_signer", UUID.class)),
                        memberId(rs.getObject("agency_head_signer", UUID.class)), tasks(id).stream()
                                .map(t -> new Programme.Task(t.id(), t.position(), t.task(), t.responsible(),
                                        t.deadline(), t.status())).toList()))
                .optional().orElseThrow(() -> new Refused(CommitmentsRefusal.PROGRAMME_UNKNOWN, id));
        guard.requireChapter(caller, p.organization());
        return p;
    }

    private static MemberId memberId(UUID id) {
        return id == null ? null : new MemberId(id);
    }

    private List<ProgrammeView.Task> tasks(UUID programme) {
        return jdbc.sql("SELECT * FROM commitments.programme_task WHERE programme_id = :id ORDER BY position")
                .param("id", programme)
                .query((rs, n) -> new ProgrammeView.Task(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getString("task"), rs.getString("responsible"), rs.getObject("deadline", LocalDate.class),
                        ProgrammeItemStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private List<ProgrammeView> views(String where, String name, Object value) {
        Map<UUID, ProgrammeView> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.*, r.number FROM commitments.programme p JOIN commitments.resolution r ON r.id = p.resolution_id
                """ + where).param(name, value)
                .query((rs, n) -> new ProgrammeView(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getObject("resolution_id", UUID.class), rs.getString("number"), rs.getInt("year"),
                        rs.getString("title"), rs.getObject("adopted_on") != null,
                        rs.getObject("adopted_on", LocalDate.class), memberId(rs.getObject("committee_signer", UUID.class)),
                        rs.getString("committee_signer_name"), memberId(rs.getObject("agency_head_signer", UUID.class)),
                        rs.getString("agency_head_signer_name"), new ArrayList<>()))
                .list().forEach(p -> out.put(p.id(), p));
        out.values().forEach(p -> p.tasks().addAll(tasks(p.id())));
        return List.copyOf(out.values());
    }
}
