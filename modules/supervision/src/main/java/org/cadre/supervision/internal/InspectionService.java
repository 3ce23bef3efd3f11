package org.cadre.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.supervision.ConcludeInspection;
import org.cadre.supervision.FindingCounts;
import org.cadre.supervision.FindingNature;
import org.cadre.supervision.FindingRecorded;
import org.cadre.supervision.FindingResolved;
import org.cadre.supervision.FindingView;
import org.cadre.supervision.InspectionKind;
import org.cadre.supervision.InspectionPlan;
import org.cadre.supervision.InspectionView;
import org.cadre.supervision.Inspections;
import org.cadre.supervision.OpenInspection;
import org.cadre.supervision.RecordFinding;
import org.cadre.supervision.ResolveFinding;
import org.cadre.supervision.Severity;
import org.cadre.supervision.SupervisionOpened;
import org.cadre.supervision.SupervisionRefusal;
import org.cadre.supervision.domain.Finding;
import org.cadre.supervision.domain.Inspection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Inspections and supervisions, their findings and the remedies' resolution. */
@Service
@Validated
@Transactional
class InspectionService implements Inspections {

    private final JdbcClient jdbc;
    private final Members members;
    private final OrganizationAccess access;
    private final Tree tree;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InspectionService(JdbcClient jdbc, Members members, OrganizationAccess access, Tree tree,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.access = access;
        this.tree = tree;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UUID open(OpenInspection command, Caller caller) {
        OrganizationId organization;
        MemberId member = null;
        if (command.memberId() != null) {
            member = new MemberId(command.memberId());
            MemberSummary found = members.find(member)
                    .orElseThrow(() -> new Refused(SupervisionRefusal.MEMBER_UNKNOWN, command.memberId()));
            organization = found.organizationId();
        } else if (command.organizationId() != null) {
            organization = new OrganizationId(command.organizationId());
            tree.require(organization);
        } else {
            throw new Refused(SupervisionRefusal.SUBJECT_REQUIRED);
        }
        access.requireChange(caller, organization);
        SupervisionOpened opened = Inspection.open(UUID.randomUUID(), command.kind(), command.plan(), organization,
                member, command.periodFrom(), command.periodTo(), command.openedOn(), LocalDate.now(clock));
        jdbc.sql("""
                INSERT INTO supervision.inspection (id, kind, plan, organization_id, member_id, title, team,
                    period_from, period_to, opened_on, recorded_by)
                VALUES (:id, :kind, :plan, :organization, :member, :title, :team, :from, :to, :openedOn, :by)
                """).param("id", opened.inspection()).param("kind", command.kind().name())
                .param("plan", command.plan().name()).param("organization", organization.value())
                .param("member", member == null ? null : member.value()).param("title", command.title().strip())
                .param("team", command.team()).param("from", command.periodFrom()).param("to", command.periodTo())
                .param("openedOn", command.openedOn()).param("by", caller.username()).update();
        events.publishEvent(opened);
        return opened.inspection();
    }

    @Override
    public UUID recordFinding(UUID id, RecordFinding command, Caller caller) {
        Inspection inspection = locked(id);
        access.requireChange(caller, inspection.organization());
        String remedy = command.remedy() == null || command.remedy().isBlank() ? null : command.remedy().strip();
        inspection.checkFinding(command.nature(), command.recordedOn(), remedy, command.remedyDue(),
                LocalDate.now(clock));
        UUID finding = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO supervision.finding (id, inspection_id, nature, severity, text, recorded_on, remedy,
                    remedy_due) VALUES (:id, :inspection, :nature, :severity, :text, :on, :remedy, :due)
                """).param("id", finding).param("inspection", id).param("nature", command.nature().name())
                .param("severity", command.severity().name()).param("text", command.text().strip())
                .param("on", command.recordedOn()).param("remedy", remedy).param("due", command.remedyDue())
                .update();
        events.publishEvent(new FindingRecorded(finding, id, inspection.organization(), inspection.member(),
                command.nature(), command.severity(), command.recordedOn(), command.remedyDue()));
        return finding;
    }

    @Override
    public void conclude(UUID id, ConcludeInspection command, Caller caller) {
        Inspection inspection = locked(id);
        access.requireChange(caller, inspection.organization());
        inspection.conclude(command.on(), LocalDate.now(clock));
        jdbc.sql("UPDATE supervision.inspection SET concluded_on = :on, conclusion = :conclusion WHERE id = :id")
                .param("on", command.on()).param("conclusion", command.conclusion().strip()).param("id", id)
                .update();
    }

    @Override
    public void resolve(UUID id, ResolveFinding command, Caller caller) {
        Finding finding = jdbc.sql("""
                SELECT f.*, i.organization_id, i.member_id FROM supervision.finding f
                JOIN supervision.inspection i ON i.id = f.inspection_id WHERE f.id = :id FOR UPDATE OF f
                """).param("id", id).query((rs, n) -> new Finding(id, rs.getObject("inspection_id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        member(rs), rs.getObject("recorded_on", LocalDate.class),
                        rs.getObject("remedy_due", LocalDate.class), rs.getObject("resolved_on", LocalDate.class)))
                .optional().orElseThrow(() -> new Refused(SupervisionRefusal.FINDING_UNKNOWN, id));
        access.requireChange(caller, finding.organization());
        FindingResolved resolved = finding.resolve(command.on(), LocalDate.now(clock));
        jdbc.sql("UPDATE supervision.finding SET resolved_on = :on, resolution = :note WHERE id = :id")
                .param("on", command.on()).param("note", command.note().strip()).param("id", id).update();
        events.publishEvent(resolved);
    }

    private Inspection locked(UUID id) {
        return jdbc.sql("SELECT * FROM supervision.inspection WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> new Inspection(id, new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        member(rs), rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("concluded_on", LocalDate.class)))
                .optional().orElseThrow(() -> new Refused(SupervisionRefusal.INSPECTION_UNKNOWN, id));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InspectionView> find(UUID id, Caller caller) {
        Optional<InspectionView> found = inspections("i.id = :id", Map.of("id", id)).stream().findFirst();
        found.ifPresent(i -> access.requireSee(caller, i.organization()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InspectionView> within(OrganizationId organization, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return inspections("i.organization_id = ANY(:ids)", Map.of("ids", tree.ids(organization)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<FindingView> openFindings(OrganizationId organization, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return jdbc.sql("""
                SELECT f.* FROM supervision.finding f JOIN supervision.inspection i ON i.id = f.inspection_id
                WHERE i.organization_id = ANY(:ids) AND f.remedy_due IS NOT NULL AND f.resolved_on IS NULL
                ORDER BY f.remedy_due, f.id
                """).param("ids", tree.ids(organization)).query(InspectionService::finding).list();
    }

    @Override
    @Transactional(readOnly = true)
    public FindingCounts memberYear(MemberId member, int year) {
        return counts("i.member_id = :subject", member.value(), year);
    }

    @Override
    @Transactional(readOnly = true)
    public FindingCounts organizationYear(OrganizationId organization, int year) {
        return counts("i.member_id IS NULL AND i.organization_id = :subject", organization.value(), year);
    }

    /** Open: required by the end of the year and not resolved by then; resolved: in the year. */
    private FindingCounts counts(String subject, UUID id, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE f.recorded_on <= :end AND (f.resolved_on IS NULL OR f.resolved_on > :end)),
                       count(*) FILTER (WHERE extract(YEAR FROM f.resolved_on) = :year)
                FROM supervision.finding f JOIN supervision.inspection i ON i.id = f.inspection_id
                WHERE f.remedy_due IS NOT NULL AND\s""" + subject)
                .param("end", end).param("year", year).param("subject", id)
                .query((rs, n) -> new FindingCounts(rs.getInt(1), rs.getInt(2))).single();
    }

    private List<InspectionView> inspections(String where, Map<String, Object> params) {
        Map<UUID, List<FindingView>> findings = new LinkedHashMap<>();
        List<InspectionView> out = new ArrayList<>();
        jdbc.sql("SELECT i.* FROM supervision.inspection i WHERE " + where + " ORDER BY i.opened_on DESC, i.id")
                .params(params).query((ResultSet rs) -> {
                    List<FindingView> list = new ArrayList<>();
                    UUID id = rs.getObject("id", UUID.class);
                    findings.put(id, list);
                    out.add(new InspectionView(id, InspectionKind.valueOf(rs.getString("kind")),
                            InspectionPlan.valueOf(rs.getString("plan")),
                            new OrganizationId(rs.getObject("organization_id", UUID.class)), member(rs),
                            rs.getString("title"), rs.getString("team"), rs.getObject("period_from", LocalDate.class),
                            rs.getObject("period_to", LocalDate.class), rs.getObject("opened_on", LocalDate.class),
                            rs.getObject("concluded_on", LocalDate.class), rs.getString("conclusion"), list));
                });
        if (!findings.isEmpty()) {
            jdbc.sql("""
                    SELECT * FROM supervision.finding WHERE inspection_id = ANY(:ids) ORDER BY recorded_on, id
                    """).param("ids", findings.keySet().toArray(UUID[]::new))
                    .query(InspectionService::finding).list()
                    .forEach(f -> findings.get(f.inspection()).add(f));
        }
        return out;
    }

    private static MemberId member(ResultSet rs) throws SQLException {
        UUID member = rs.getObject("member_id", UUID.class);
        return member == null ? null : new MemberId(member);
    }

    private static FindingView finding(ResultSet rs, int n) throws SQLException {
        return new FindingView(rs.getObject("id", UUID.class), rs.getObject("inspection_id", UUID.class),
                FindingNature.valueOf(rs.getString("nature")), Severity.valueOf(rs.getString("severity")),
                rs.getString("text"), rs.getObject("recorded_on", LocalDate.class), rs.getString("remedy"),
                rs.getObject("remedy_due", LocalDate.class), rs.getObject("resolved_on", LocalDate.class),
                rs.getString("resolution"));
    }
}
