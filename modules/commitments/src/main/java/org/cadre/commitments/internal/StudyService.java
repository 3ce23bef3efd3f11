package org.cadre.commitments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.commitments.CampaignView;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.CreateResolution;
import org.cadre.commitments.DutyPage;
import org.cadre.commitments.DutyView;
import org.cadre.commitments.HoldSession;
import org.cadre.commitments.OpenCampaign;
import org.cadre.commitments.RecordLateStudy;
import org.cadre.commitments.RegisterStatus;
import org.cadre.commitments.ResolutionView;
import org.cadre.commitments.Study;
import org.cadre.commitments.StudyCompleted;
import org.cadre.commitments.StudyHow;
import org.cadre.commitments.StudyRollup;
import org.cadre.commitments.StudySessionHeld;
import org.cadre.commitments.StudyStatus;
import org.cadre.commitments.domain.Campaign;
import org.cadre.commitments.domain.Dates;
import org.cadre.commitments.domain.StudyRecord;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Resolutions, campaigns, sessions and study completion; the roll-ups count only members who must study. */
@Service
@Validated
@Transactional
class StudyService implements Study {

    static final String DUTY_COLUMNS = """
            d.campaign_id, d.member_id, d.full_name, d.card_number, d.organization_id, d.status, d.studied_on,
            d.study_how, d.study_note, r.id AS register_id, r.status AS register_status
            """;
    /** Vietnamese name order: the given name (the last word) first. */
    static final String NAME_ORDER = "regexp_replace(d.full_name, '^.* ', ''), d.full_name";

    private final JdbcClient jdbc;
    private final DutyRoster roster;
    private final Subtrees subtrees;
    private final Guard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudyService(JdbcClient jdbc, DutyRoster roster, Subtrees subtrees, Guard guard, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.subtrees = subtrees;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UUID createResolution(CreateResolution command) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO commitments.resolution (id, number, title, issued_on, issuer, documents)
                    VALUES (:id, :number, :title, :issued, :issuer, :documents)
                    """).param("id", id).param("number", command.number().strip()).param("title", command.title().strip())
                    .param("issued", command.issuedOn()).param("issuer", command.issuer().strip())
                    .param("documents", blankToNull(command.documents())).update();
        } catch (DuplicateKeyException taken) {
            throw new Refused(CommitmentsRefusal.RESOLUTION_NUMBER_TAKEN, command.number().strip());
        }
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResolutionView> resolutions() {
        return jdbc.sql("SELECT * FROM commitments.resolution ORDER BY issued_on DESC, number")
                .query((rs, n) -> resolution(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResolutionView> resolution(UUID id) {
        return jdbc.sql("SELECT * FROM commitments.resolution WHERE id = :id").param("id", id)
                .query((rs, n) -> resolution(rs)).optional();
    }

    @Override
    public UUID openCampaign(OpenCampaign command) {
        ResolutionView resolution = resolution(command.resolutionId())
                .orElseThrow(() -> new Refused(CommitmentsRefusal.RESOLUTION_UNKNOWN, command.resolutionId()));
        OrganizationSummary root = subtrees.find(new OrganizationId(command.organizationId()))
                .orElseThrow(() -> new Refused(CommitmentsRefusal.ORGANIZATION_UNKNOWN, command.organizationId()));
        Campaign campaign = Campaign.open(UUID.randomUUID(), resolution.id(), resolution.issuedOn(),
                root.id().value(), command.opensOn(), command.studyBy());
        int inserted = jdbc.sql("""
                INSERT INTO commitments.campaign (id, resolution_id, organization_id, year, opens_on, study_by)
                VALUES (:id, :resolution, :organization, :year, :opens, :by) ON CONFLICT DO NOTHING
                """).param("id", campaign.id()).param("resolution", campaign.resolution())
                .param("organization", campaign.organization()).param("year", campaign.year())
                .param("opens", campaign.opensOn()).param("by", campaign.studyBy()).update();
        if (inserted == 0) {
            throw new Refused(CommitmentsRefusal.CAMPAIGN_EXISTS, resolution.number(), campaign.year());
        }
        roster.snapshot(campaign.id(), root.id(), campaign.opensOn());
        return campaign.id();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignView> campaigns() {
        return jdbc.sql(CAMPAIGNS + " ORDER BY c.year DESC, r.issued_on DESC").query((rs, n) -> campaign(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignView> campaigns(OrganizationId organization) {
        UUID[] above = subtrees.upwards(organization).stream().map(OrganizationId::value).toArray(UUID[]::new);
        return jdbc.sql(CAMPAIGNS + " WHERE c.organization_id = ANY(:above) ORDER BY c.year DESC, r.issued_on DESC")
                .param("above", above).query((rs, n) -> campaign(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CampaignView> campaign(UUID id) {
        return jdbc.sql(CAMPAIGNS + " WHERE c.id = :id").param("id", id).query((rs, n) -> campaign(rs)).optional();
    }

    static final String CAMPAIGNS = """
            SELECT c.id, c.resolution_id, r.number, r.title, c.organization_id, c.year, c.opens_on, c.study_by
            FROM commitments.campaign c JOIN commitments.resolution r ON r.id = c.resolution_id
            """;

    @Override
    @Transactional(readOnly = true)
    public List<DutyView> dutiesOf(MemberId member) {
        return jdbc.sql("SELECT " + DUTY_COLUMNS + """
                FROM commitments.duty d JOIN commitments.campaign c ON c.id = d.campaign_id
                LEFT JOIN commitments.register r ON r.campaign_id = d.campaign_id AND r.member_id = d.member_id
                WHERE d.member_id = :member ORDER BY c.year DESC, c.opens_on DESC
                """).param("member", member.value()).query((rs, n) -> duty(rs)).list();
    }

    @Override
    public UUID holdSession(HoldSession command, Caller caller) {
        OrganizationId organization = new OrganizationId(command.organizationId());
        guard.requireChapter(caller, organization);
        Campaign campaign = campaignOf(command.campaignId());
        Dates.inYear(command.heldOn(), campaign.year());
        Dates.notFuture(command.heldOn(), LocalDate.now(clock));
        if (command.attendees().isEmpty()) {
            throw new Refused(CommitmentsRefusal.NO_ATTENDEES);
        }
        Set<OrganizationId> below = subtrees.below(organization);
        UUID session = UUID.randomUUID();
        List<StudyCompleted> completed = new ArrayList<>();
        for (UUID attendee : Set.copyOf(command.attendees())) {
            StudyRecord record = locked(campaign, new MemberId(attendee))
                    .filter(r -> below.contains(organizationOf(campaign.id(), r.member())))
                    .orElseThrow(() -> new Refused(CommitmentsRefusal.ATTENDEE_NOT_DUE, attendee));
            record.attended(session, command.heldOn()).ifPresent(completed::add);
        }
        jdbc.sql("""
                INSERT INTO commitments.study_session (id, campaign_id, organization_id, held_on, topic, attendees,
                    recorded_by) VALUES (:id, :campaign, :organization, :on, :topic, :attendees, :by)
                """).param("id", session).param("campaign", campaign.id()).param("organization", organization.value())
                .param("on", command.heldOn()).param("topic", blankToNull(command.topic()))
                .param("attendees", Set.copyOf(command.attendees()).size()).param("by", caller.username()).update();
        completed.forEach(this::saveStudy);
        events.publishEvent(new StudySessionHeld(session, campaign.id(), campaign.resolution(), organization,
                campaign.year(), command.heldOn(), Set.copyOf(command.attendees()).size(), completed.size()));
        completed.forEach(events::publishEvent);
        return session;
    }

    @Override
    public void recordLateStudy(RecordLateStudy command, Caller caller) {
        Campaign campaign = campaignOf(command.campaignId());
        MemberId member = new MemberId(command.memberId());
        StudyRecord record = locked(campaign, member)
                .orElseThrow(() -> new Refused(CommitmentsRefusal.MEMBER_NOT_DUE, member));
        guard.requireChapter(caller, organizationOf(campaign.id(), member));
        Dates.notFuture(command.on(), LocalDate.now(clock));
        record.studiedLater(command.on(), command.note()).ifPresent(done -> {
            saveStudy(done);
            jdbc.sql("UPDATE commitments.duty SET study_note = :note WHERE campaign_id = :c AND member_id = :m")
                    .param("note", record.note()).param("c", campaign.id()).param("m", member.value()).update();
            events.publishEvent(done);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<DutyView> duties(UUID campaign, OrganizationId organization) {
        return jdbc.sql("SELECT " + DUTY_COLUMNS + """
                FROM commitments.duty d
                LEFT JOIN commitments.register r ON r.campaign_id = d.campaign_id AND r.member_id = d.member_id
                WHERE d.campaign_id = :campaign AND d.organization_id = ANY(:organizations)
                ORDER BY """ + " " + NAME_ORDER + ", d.member_id").param("campaign", campaign)
                .param("organizations", subtrees.ids(organization)).query((rs, n) -> duty(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public DutyPage duties(UUID campaign, OrganizationId organization, int page, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
        UUID[] organizations = subtrees.ids(organization);
        int total = jdbc.sql("""
                SELECT count(*) FROM commitments.duty d
                WHERE d.campaign_id = :campaign AND d.organization_id = ANY(:organizations)
                """).param("campaign", campaign).param("organizations", organizations).query(Integer.class).single();
        int pages = Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        List<DutyView> rows = jdbc.sql("SELECT " + DUTY_COLUMNS + """
                FROM commitments.duty d
                LEFT JOIN commitments.register r ON r.campaign_id = d.campaign_id AND r.member_id = d.member_id
                WHERE d.campaign_id = :campaign AND d.organization_id = ANY(:organizations)
                ORDER BY """ + " " + NAME_ORDER + ", d.member_id LIMIT :size OFFSET :offset")
                .param("campaign", campaign).param("organizations", organizations).param("size", size)
                .param("offset", (current - 1) * size).query((rs, n) -> duty(rs)).list();
        UUID[] registers = rows.stream().map(DutyView::register).filter(Objects::nonNull).toArray(UUID[]::new);
        Map<UUID, Integer> progress = new HashMap<>();
        if (registers.length > 0) {
            // as RegisterView.progress: the items' progress weighted by their weights
            jdbc.sql("""
                    SELECT register_id, CASE WHEN sum(weight) = 0 THEN 0 ELSE sum(progress * weight) / sum(weight) END
                    FROM commitments.register_item WHERE register_id = ANY(:registers) GROUP BY register_id
                    """).param("registers", registers)
                    .query((rs, n) -> progress.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        }
        return new DutyPage(rows, progress, current, size, total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DutyView> stillToStudy(UUID campaign, OrganizationId organization) {
        return jdbc.sql("SELECT " + DUTY_COLUMNS + """
                FROM commitments.duty d
                LEFT JOIN commitments.register r ON r.campaign_id = d.campaign_id AND r.member_id = d.member_id
                WHERE d.campaign_id = :campaign AND d.organization_id = ANY(:organizations)
                  AND d.status = 'ACTIVE' AND d.studied_on IS NULL
                ORDER BY """ + " " + NAME_ORDER).param("campaign", campaign)
                .param("organizations", subtrees.ids(organization)).query((rs, n) -> duty(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public StudyRollup rollup(UUID campaign, OrganizationId organization) {
        return rollups(campaign, List.of(organization)).get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StudyRollup> rollups(UUID campaign, List<OrganizationId> organizations) {
        record Count(OrganizationId organization, StudyStatus status, boolean studied, RegisterStatus register,
                int count) {
        }
        List<Count> counts = jdbc.sql("""
                SELECT d.organization_id, d.status, d.studied_on IS NOT NULL AS studied, r.status AS register,
                    count(*) AS n
                FROM commitments.duty d
                LEFT JOIN commitments.register r ON r.campaign_id = d.campaign_id AND r.member_id = d.member_id
                WHERE d.campaign_id = :campaign GROUP BY 1, 2, 3, 4
                """).param("campaign", campaign)
                .query((rs, n) -> new Count(new OrganizationId(rs.getObject(1, UUID.class)),
                        StudyStatus.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getString(4) == null ? null : RegisterStatus.valueOf(rs.getString(4)), rs.getInt(5)))
                .list();
        List<StudyRollup> out = new ArrayList<>();
        subtrees.branches(organizations).forEach((root, branch) -> {
            int must = 0;
            int studied = 0;
            int apart = 0;
            int[] registers = new int[RegisterStatus.values().length];
            for (Count c : counts) {
                if (!branch.organizations().contains(c.organization())) {
                    continue;
                }
                if (!c.status().mustStudy()) {
                    apart += c.count();
                    continue;
                }
                must += c.count();
                studied += c.studied() ? c.count() : 0;
                if (c.register() != null) {
                    registers[c.register().ordinal()] += c.count();
                }
            }
            out.add(new StudyRollup(root, branch.name(), must, studied, apart, registers));
        });
        return out;
    }

    Campaign campaignOf(UUID id) {
        return jdbc.sql("SELECT * FROM commitments.campaign WHERE id = :id").param("id", id)
                .query((rs, n) -> new Campaign(rs.getObject("id", UUID.class), rs.getObject("resolution_id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getInt("year"),
                        rs.getObject("opens_on", LocalDate.class), rs.getObject("study_by", LocalDate.class)))
                .optional().orElseThrow(() -> new Refused(CommitmentsRefusal.CAMPAIGN_UNKNOWN, id));
    }

    private Optional<StudyRecord> locked(Campaign campaign, MemberId member) {
        return jdbc.sql("""
                SELECT organization_id, status, studied_on, study_how, study_note, session_id FROM commitments.duty
                WHERE campaign_id = :campaign AND member_id = :member FOR UPDATE
                """).param("campaign", campaign.id()).param("member", member.value())
                .query((rs, n) -> new StudyRecord(campaign, member, new OrganizationId(rs.getObject(1, UUID.class)),
                        StudyStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getString(4) == null ? null : StudyHow.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getObject(6, UUID.class)))
                .optional();
    }

    private OrganizationId organizationOf(UUID campaign, MemberId member) {
        return jdbc.sql("SELECT organization_id FROM commitments.duty WHERE campaign_id = :c AND member_id = :m")
                .param("c", campaign).param("m", member.value()).query(UUID.class).optional()
                .map(OrganizationId::new).orElseThrow(() -> new Refused(CommitmentsRefusal.MEMBER_NOT_DUE, member));
    }

    private void saveStudy(StudyCompleted done) {
        jdbc.sql("""
                UPDATE commitments.duty SET studied_on = :on, study_how = :how, session_id = :session
                WHERE campaign_id = :campaign AND member_id = :member
                """).param("on", done.on()).param("how", done.how().name()).param("session", done.session())
                .param("campaign", done.campaign()).param("member", done.member().value()).update();
    }

    static ResolutionView resolution(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ResolutionView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), rs.getString("documents"));
    }

    static CampaignView campaign(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CampaignView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), new OrganizationId(rs.getObject(5, UUID.class)), rs.getInt(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
    }

    static DutyView duty(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DutyView(rs.getObject("campaign_id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)),
                rs.getString("full_name"), rs.getString("card_number"),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                StudyStatus.valueOf(rs.getString("status")), rs.getObject("studied_on", LocalDate.class),
                rs.getString("study_how") == null ? null : StudyHow.valueOf(rs.getString("study_how")),
                rs.getString("study_note"), rs.getObject("register_id", UUID.class),
                rs.getString("register_status") == null ? null : RegisterStatus.valueOf(rs.getString("register_status")));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
