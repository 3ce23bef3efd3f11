package org.cadre.commitments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cadre.commitments.AssessItem;
import org.cadre.commitments.AttachedFile;
import org.cadre.commitments.EvidenceDownload;
import org.cadre.commitments.ProgressReportView;
import org.cadre.commitments.CascadeTemplate;
import org.cadre.commitments.CommitmentOverdue;
import org.cadre.commitments.CommitmentProgressReported;
import org.cadre.commitments.CommitmentRegisters;
import org.cadre.commitments.CommitmentTemplateCascaded;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.DraftRegister;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.MemberYearFacts;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.ReportProgress;
import org.cadre.commitments.ReturnRegister;
import org.cadre.commitments.StudyStatus;
import org.cadre.commitments.domain.Campaign;
import org.cadre.commitments.domain.Dates;
import org.cadre.commitments.domain.Evidence;
import org.cadre.commitments.domain.Item;
import org.cadre.commitments.domain.Register;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Registers: a change locks and loads the register with its items, applies the transition, writes it and publishes
 * what it raised, in one transaction.
 */
@Service
@Validated
@Transactional
class RegisterService implements CommitmentRegisters {

    private final RegisterStore store;
    private final StudyService study;
    private final Members members;
    private final Subtrees subtrees;
    private final Guard guard;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisterService(RegisterStore store, StudyService study, Members members, Subtrees subtrees, Guard guard,
            JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.study = study;
        this.members = members;
        this.subtrees = subtrees;
        this.guard = guard;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UUID draft(DraftRegister command, Caller caller) {
        Campaign campaign = study.campaignOf(command.campaignId());
        MemberId member = new MemberId(command.memberId());
        if (!members.find(member).map(m -> m.status().isMember())
                .orElseThrow(() -> new Refused(CommitmentsRefusal.MEMBER_UNKNOWN, member))) {
            throw new Refused(CommitmentsRefusal.MEMBER_LEFT, member);
        }
        Object[] duty = jdbc.sql("""
                SELECT organization_id, status FROM commitments.duty WHERE campaign_id = :c AND member_id = :m
                """).param("c", campaign.id()).param("m", member.value())
                .query((rs, n) -> new Object[] {new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2)})
                .optional().orElseThrow(() -> new Refused(CommitmentsRefusal.MEMBER_NOT_DUE, member));
        if (StudyStatus.valueOf((String) duty[1]) == StudyStatus.LEFT) {
            throw new Refused(CommitmentsRefusal.MEMBER_LEFT, member);
        }
        OrganizationId organization = (OrganizationId) duty[0];
        guard.requireOwnOrChapter(caller, member, organization);
        if (store.exists(campaign.id(), member)) {
            throw new Refused(CommitmentsRefusal.REGISTER_EXISTS);
        }
        Register register = Register.draft(UUID.randomUUID(), campaign.id(), campaign.resolution(), member,
                organization, campaign.year(), command.items());
        try {
            store.insert(register);
        } catch (DuplicateKeyException raced) {
            throw new Refused(CommitmentsRefusal.REGISTER_EXISTS);
        }
        return register.id();
    }

    @Override
    public void addItem(UUID register, ItemDraft item, Caller caller) {
        own(register, caller, r -> {
            r.add(UUID.randomUUID(), item);
            return List.of();
        });
    }

    @Override
    public void removeItem(UUID register, UUID item, Caller caller) {
        own(register, caller, r -> {
            r.remove(item);
            return List.of();
        });
    }

    @Override
    public void submit(UUID register, Caller caller) {
        own(register, caller, r -> List.of(r.submit(LocalDate.now(clock))));
    }

    @Override
    public void approve(UUID register, Caller caller) {
        chapter(register, caller, r -> List.of(r.approve(LocalDate.now(clock), caller.username())));
    }

    @Override
    public void giveBack(UUID register, ReturnRegister command, Caller caller) {
        chapter(register, caller, r -> List.of(r.giveBack(LocalDate.now(clock), caller.username(), command.comment())));
    }

    /**
     * The facade's short form, overridden only so that it runs in this class's transaction: the interface's default
     * method would run on the target and call the long form past the proxy, outside any transaction.
     */
    @Override
    public void reportProgress(UUID register, ReportProgress command, Caller caller) {
        reportProgress(register, command, null, caller);
    }

    @Override
    public void reportProgress(UUID register, ReportProgress command, AttachedFile file, Caller caller) {
        Dates.notFuture(command.on(), LocalDate.now(clock));
        // the file is checked before the register is touched: a refused file writes nothing
        Evidence evidence = file == null || file.content().length == 0 ? null
                : Evidence.of(file.originalName(), file.content());
        own(register, caller, r -> {
            CommitmentProgressReported reported = r.report(command.itemId(), command.percent(), command.on());
            UUID report = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO commitments.progress_report (id, item_id, percent, evidence, reported_on, reported_by)
                    VALUES (:id, :item, :percent, :evidence, :on, :by)
                    """).param("id", report).param("item", command.itemId())
                    .param("percent", command.percent()).param("evidence", StudyService.blankToNull(command.evidence()))
                    .param("on", command.on()).param("by", caller.username()).update();
            if (evidence != null) {
                jdbc.sql("""
                        INSERT INTO commitments.evidence_file (id, report_id, register_id, file_name, content_type,
                            size, content)
                        VALUES (:id, :report, :register, :name, :type, :size, :content)
                        """).param("id", UUID.randomUUID()).param("report", report).param("register", r.id())
                        .param("name", evidence.fileName()).param("type", evidence.contentType())
                        .param("size", evidence.size()).param("content", evidence.content()).update();
            }
            return List.of(reported);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProgressReportView> reports(UUID register, Caller caller) {
        read(register, caller);
        return jdbc.sql("""
                SELECT p.id, p.item_id, p.percent, p.evidence, p.reported_on, p.reported_by, f.id, f.file_name, f.size
                FROM commitments.progress_report p
                JOIN commitments.register_item i ON i.id = p.item_id
                LEFT JOIN commitments.evidence_file f ON f.report_id = p.id
                WHERE i.register_id = :register
                ORDER BY i.position, p.reported_on, p.percent
                """).param("register", register)
                .query((rs, n) -> new ProgressReportView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getObject(7, UUID.class), rs.getString(8), rs.getLong(9))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public EvidenceDownload evidence(UUID register, UUID file, Caller caller) {
        read(register, caller);
        return jdbc.sql("""
                SELECT file_name, content_type, content FROM commitments.evidence_file
                WHERE id = :file AND register_id = :register
                """).param("file", file).param("register", register)
                .query((rs, n) -> new EvidenceDownload(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new Refused(CommitmentsRefusal.EVIDENCE_UNKNOWN, file));
    }

    @Override
    public void assess(UUID register, AssessItem command, Caller caller) {
        Dates.notFuture(command.on(), LocalDate.now(clock));
        chapter(register, caller, r -> List.of(r.assess(command.itemId(), command.fulfilled(), command.exceeded(),
                command.assessment(), command.on())));
    }

    @Override
    public CommitmentTemplateCascaded cascade(CascadeTemplate command, Caller caller) {
        OrganizationId organization = new OrganizationId(command.organizationId());
        guard.requireChapter(caller, organization);
        Campaign campaign = study.campaignOf(command.campaignId());
        command.items().forEach(item -> Item.check(item, campaign.year()));
        UUID template = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        // every active member of the subtree: those without a register get a draft, drafts get the items
        List<Object[]> due = jdbc.sql("""
                SELECT d.member_id, d.organization_id, r.id, r.status,
                    (SELECT count(*) FROM commitments.register_item i WHERE i.register_id = r.id) AS items
                FROM commitments.duty d
                LEFT JOIN commitments.register r ON r.campaign_id = d.campaign_id AND r.member_id = d.member_id
                WHERE d.campaign_id = :campaign AND d.organization_id = ANY(:organizations) AND d.status = 'ACTIVE'
                """).param("campaign", campaign.id()).param("organizations", subtrees.ids(organization))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5)}).list();
        List<Object[]> registers = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (Object[] d : due) {
            UUID register = (UUID) d[2];
            int first = 1;
            if (register == null) {
                register = UUID.randomUUID();
                registers.add(new Object[] {register, campaign.id(), campaign.resolution(), d[0], d[1],
                        campaign.year()});
                created++;
            } else if ("DRAFT".equals(d[3]) || "RETURNED".equals(d[3])) {
                first = 1 + (Integer) d[4];
                updated++;
            } else {
                continue;
            }
            for (ItemDraft item : command.items()) {
                items.add(new Object[] {UUID.randomUUID(), register, first++, item.content().strip(),
                        StudyService.blankToNull(item.task()), StudyService.blankToNull(item.target()),
                        item.deadline(), item.weight(), template});
            }
        }
        jdbc.sql("""
                INSERT INTO commitments.template (id, campaign_id, organization_id, created_on, created_by, items)
                VALUES (:id, :campaign, :organization, :on, :by, :items)
                """).param("id", template).param("campaign", campaign.id()).param("organization", organization.value())
                .param("on", today).param("by", caller.username()).param("items", command.items().size()).update();
        Batches.registers(jdbc, registers);
        Batches.items(jdbc, items);
        CommitmentTemplateCascaded event = new CommitmentTemplateCascaded(template, campaign.id(), organization,
                campaign.year(), command.items().size(), created, updated, today);
        events.publishEvent(event);
        return event;
    }

    @Override
    public int findOverdue(LocalDate today) {
        List<CommitmentOverdue> overdue = jdbc.sql("""
                SELECT g.id AS register_id, i.id, g.member_id, g.organization_id, g.year, i.deadline, i.progress
                FROM commitments.register_item i JOIN commitments.register g ON g.id = i.register_id
                WHERE i.status = 'OPEN' AND i.overdue_reported_on IS NULL AND i.deadline < :today
                  AND i.progress < 100 AND g.status = 'APPROVED'
                ORDER BY i.deadline FOR UPDATE OF i SKIP LOCKED
                """).param("today", today)
                .query((rs, n) -> new CommitmentOverdue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        new MemberId(rs.getObject(3, UUID.class)), new OrganizationId(rs.getObject(4, UUID.class)),
                        rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getInt(7), today,
                        (int) ChronoUnit.DAYS.between(rs.getObject(6, LocalDate.class), today)))
                .list();
        if (!overdue.isEmpty()) {
            jdbc.sql("UPDATE commitments.register_item SET overdue_reported_on = :today WHERE id = ANY(:ids)")
                    .param("today", today).param("ids", overdue.stream().map(CommitmentOverdue::item)
                            .toArray(UUID[]::new)).update();
        }
        overdue.forEach(events::publishEvent);
        return overdue.size();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RegisterView> find(UUID register) {
        return store.view(register);
    }

    @Override
    @Transactional(readOnly = true)
    public RegisterView read(UUID id, Caller caller) {
        RegisterView register = store.view(id).orElseThrow(() -> new Refused(CommitmentsRefusal.REGISTER_UNKNOWN, id));
        guard.requireReadable(caller, register.member(), register.organization());
        return register;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisterView> ofMember(MemberId member) {
        return store.ofMember(member);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisterView> list(UUID campaign, OrganizationId organization) {
        return store.list(campaign, subtrees.ids(organization));
    }

    @Override
    @Transactional(readOnly = true)
    public MemberYearFacts memberYear(MemberId member, int year) {
        return facts(" AND d.member_id = :member", year, member.value()).stream().findFirst()
                .orElse(new MemberYearFacts(member, year, 0, 0, 0, 0, 0, false, false));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachMemberYear(int year, Consumer<MemberYearFacts> consumer) {
        facts("", year, null).forEach(consumer);
    }

    private List<MemberYearFacts> facts(String filter, int year, UUID member) {
        JdbcClient.StatementSpec spec = jdbc.sql("""
                WITH duties AS (
                    SELECT d.member_id, bool_or(d.status = 'ACTIVE') AS must,
                        bool_and(d.status <> 'ACTIVE' OR d.studied_on IS NOT NULL) AS studied
                    FROM commitments.duty d JOIN commitments.campaign c ON c.id = d.campaign_id
                    WHERE c.year = :year""" + filter + """
                    GROUP BY d.member_id),
                items AS (
                    SELECT g.member_id, count(*) AS items,
                        count(*) FILTER (WHERE i.status = 'FULFILLED') AS fulfilled,
                        count(*) FILTER (WHERE i.status = 'FULFILLED' AND i.exceeded) AS exceeded,
                        count(*) FILTER (WHERE i.status = 'FULFILLED' AND i.completed_on <= i.deadline) AS on_time,
                        count(*) FILTER (WHERE i.status = 'MISSED') AS missed
                    FROM commitments.register g JOIN commitments.register_item i ON i.register_id = g.id
                    WHERE g.year = :year AND g.status = 'APPROVED' GROUP BY g.member_id)
                SELECT d.member_id, coalesce(i.items, 0), coalesce(i.fulfilled, 0), coalesce(i.exceeded, 0),
                    coalesce(i.on_time, 0), coalesce(i.missed, 0), d.must, d.must AND d.studied
                FROM duties d LEFT JOIN items i ON i.member_id = d.member_id
                """).param("year", year);
        if (member != null) {
            spec = spec.param("member", member);
        }
        return spec.query((rs, n) -> new MemberYearFacts(new MemberId(rs.getObject(1, UUID.class)), year,
                rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7),
                rs.getBoolean(8))).list();
    }

    /** The member themselves or their chapter: drafting, items, submission, progress. */
    private void own(UUID id, Caller caller, Function<Register, List<? extends DomainEvent>> transition) {
        change(id, transition, r -> guard.requireOwnOrChapter(caller, r.member(), r.organization()));
    }

    /** The secretary of the register's chapter (or above it): approval, return, assessment. */
    private void chapter(UUID id, Caller caller, Function<Register, List<? extends DomainEvent>> transition) {
        change(id, transition, r -> guard.requireChapter(caller, r.organization()));
    }

    private void change(UUID id, Function<Register, List<? extends DomainEvent>> transition,
            Consumer<Register> allowed) {
        Register register = store.locked(id).orElseThrow(() -> new Refused(CommitmentsRefusal.REGISTER_UNKNOWN, id));
        allowed.accept(register);
        List<? extends DomainEvent> raised = transition.apply(register);
        store.save(register);
        raised.forEach(events::publishEvent);
    }
}
