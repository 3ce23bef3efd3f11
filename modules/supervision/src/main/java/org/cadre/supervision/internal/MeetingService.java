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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.ChapterMeetingHeld;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.MeetingQuality;
import org.cadre.supervision.MeetingView;
import org.cadre.supervision.MemberAttendance;
import org.cadre.supervision.MemberMeetingFacts;
import org.cadre.supervision.RecordMeeting;
import org.cadre.supervision.domain.Meeting;
import org.cadre.supervision.domain.MeetingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Records chapter meetings with their attendance and answers the meeting-quality figures. */
@Service
@Validated
@Transactional
class MeetingService implements ChapterMeetings {

    private final JdbcClient jdbc;
    private final Members members;
    private final OrganizationAccess access;
    private final Tree tree;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeetingCalendar calendar;
    private final org.cadre.organizations.Organizations organizations;

    MeetingService(JdbcClient jdbc, Members members, org.cadre.organizations.Organizations organizations,
            OrganizationAccess access, Tree tree,
            ApplicationEventPublisher events, Clock clock,
            @Value("${cadre.supervision.regular-meetings-per-year:12}") int regularPerYear,
            @Value("${cadre.supervision.thematic-meetings-per-year:4}") int thematicPerYear) {
        this.jdbc = jdbc;
        this.members = members;
        this.organizations = organizations;
        this.access = access;
        this.tree = tree;
        this.events = events;
        this.clock = clock;
        this.calendar = new MeetingCalendar(regularPerYear, thematicPerYear);
    }

    MeetingCalendar calendar() {
        return calendar;
    }

    @Override
    public UUID record(RecordMeeting command, Caller caller) {
        OrganizationId organization = new OrganizationId(command.organizationId());
        OrganizationSummary chapter = tree.require(organization);
        access.requireChange(caller, organization);
        Map<MemberId, String> onRolls = chapter.kind().holdsMembers()
                ? members.list(organization, false, command.heldOn()).stream()
                        .collect(Collectors.toMap(MemberSummary::id, MemberSummary::fullName, (a, b) -> a))
                : Map.of();
        List<MemberAttendance> listed = command.attendance().stream()
                .map(a -> new MemberAttendance(new MemberId(a.memberId()), a.attendance(),
                        a.attendance() == Attendance.EXCUSED && a.reason() != null ? a.reason().strip() : null))
                .toList();
        Meeting meeting = new Meeting(UUID.randomUUID(), organization, command.kind());
        ChapterMeetingHeld held = meeting.hold(command.heldOn(), listed, chapter.kind().holdsMembers(),
                Set.copyOf(onRolls.keySet()), id -> onRolls.getOrDefault(id,
                        members.find(id).map(MemberSummary::fullName).orElse(id.value().toString())),
                LocalDate.now(clock));
        jdbc.sql("""
                INSERT INTO supervision.meeting (id, organization_id, kind, held_on, agenda, minutes, resolutions,
                    commitments_reviewed, recorded_by)
                VALUES (:id, :organization, :kind, :heldOn, :agenda, :minutes, :resolutions, :reviewed, :by)
                """).param("id", meeting.id()).param("organization", organization.value())
                .param("kind", command.kind().name()).param("heldOn", command.heldOn())
                .param("agenda", command.agenda().strip()).param("minutes", command.minutes())
                .param("resolutions", command.resolutions()).param("reviewed", command.commitmentsReviewed())
                .param("by", caller.username()).update();
        for (MemberAttendance a : meeting.attendance()) {
            jdbc.sql("""
                    INSERT INTO supervision.attendance (meeting_id, member_id, attendance, reason)
                    VALUES (:meeting, :member, :attendance, :reason)
                    """).param("meeting", meeting.id()).param("member", a.member().value())
                    .param("attendance", a.attendance().name()).param("reason", a.reason()).update();
        }
        events.publishEvent(held);
        return meeting.id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MeetingView> find(UUID meeting, Caller caller) {
        Optional<MeetingView> found = meetings("m.id = :id", Map.of("id", meeting)).stream().findFirst();
        found.ifPresent(m -> access.requireSee(caller, m.organization()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeetingView> list(OrganizationId organization, int year, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return meetings("m.organization_id = :organization AND extract(YEAR FROM m.held_on) = :year",
                Map.of("organization", organization.value(), "year", year));
    }

    @Override
    @Transactional(readOnly = true)
    public MeetingQuality quality(OrganizationId organization, int year, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        return quality(organization, year);
    }

    MeetingQuality quality(OrganizationId organization, int year) {
        List<MeetingCalendar.Held> held = meetings(
                "m.organization_id = :organization AND extract(YEAR FROM m.held_on) = :year",
                Map.of("organization", organization.value(), "year", year)).stream()
                .map(m -> new MeetingCalendar.Held(m.heldOn(), m.kind(), m.attendance())).toList();
        return calendar.quality(organization, year, held, LocalDate.now(clock));
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeetingQuality> qualityWithin(OrganizationId organization, int year, Caller caller) {
        tree.require(organization);
        access.requireSee(caller, organization);
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<MeetingCalendar.Held>> byChapter = new LinkedHashMap<>();
        Map<UUID, int[]> counts = new java.util.HashMap<>();
        // one read: each meeting with its counts, no attendance rows
        jdbc.sql("""
                SELECT m.organization_id, m.kind, m.held_on,
                       count(a.member_id) FILTER (WHERE a.attendance = 'PRESENT') AS present, count(a.member_id) AS listed
                FROM supervision.meeting m LEFT JOIN supervision.attendance a ON a.meeting_id = m.id
                WHERE m.organization_id = ANY(:ids) AND extract(YEAR FROM m.held_on) = :year
                GROUP BY m.id, m.organization_id, m.kind, m.held_on
                """).param("ids", tree.ids(organization)).param("year", year).query((ResultSet rs) -> {
                    UUID chapter = rs.getObject(1, UUID.class);
                    byChapter.computeIfAbsent(chapter, k -> new ArrayList<>()).add(new MeetingCalendar.Held(
                            rs.getObject(3, LocalDate.class), MeetingKind.valueOf(rs.getString(2)), List.of()));
                    int[] c = counts.computeIfAbsent(chapter, k -> new int[2]);
                    c[0] += rs.getInt(4);
                    c[1] += rs.getInt(5);
                });
        List<MeetingQuality> out = new ArrayList<>();
        for (OrganizationId chapter : chapters(organization, today)) {
            MeetingQuality q = calendar.quality(chapter, year, byChapter.getOrDefault(chapter.value(), List.of()),
                    today);
            int[] c = counts.getOrDefault(chapter.value(), new int[2]);
            out.add(new MeetingQuality(chapter, year, q.regularHeld(), q.regularRequired(), q.thematicHeld(),
                    q.thematicRequired(), q.missedMonths(), c[0], c[1], List.of()));
        }
        return out;
    }

    private List<OrganizationId> chapters(OrganizationId root, LocalDate asOf) {
        List<OrganizationId> out = new ArrayList<>();
        organizations.subtree(root, asOf).ifPresent(node -> collect(node, out));
        return out;
    }

    private static void collect(org.cadre.organizations.TreeNode node, List<OrganizationId> out) {
        if (node.organization().kind().holdsMembers() && !node.organization().dissolved()) {
            out.add(node.organization().id());
        }
        node.children().forEach(child -> collect(child, out));
    }

    @Override
    @Transactional(readOnly = true)
    public MemberMeetingFacts memberYear(MemberId member, int year) {
        List<Attendance> attendances = jdbc.sql("""
                SELECT a.attendance FROM supervision.attendance a JOIN supervision.meeting m ON m.id = a.meeting_id
                WHERE a.member_id = :member AND extract(YEAR FROM m.held_on) = :year ORDER BY m.held_on, m.id
                """).param("member", member.value()).param("year", year)
                .query((rs, n) -> Attendance.valueOf(rs.getString(1))).list();
        record Counts(int given, int followedUp, int done) {
        }
        Counts reminders = jdbc.sql("""
                SELECT count(*) AS given, count(followed_up_on) AS followed_up, count(*) FILTER (WHERE done) AS done
                FROM supervision.reminder WHERE member_id = :member AND extract(YEAR FROM reminded_on) = :year
                """).param("member", member.value()).param("year", year)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
        int attended = (int) attendances.stream().filter(a -> a == Attendance.PRESENT).count();
        int unexcused = (int) attendances.stream().filter(a -> a == Attendance.UNEXCUSED).count();
        return new MemberMeetingFacts(member, year, attendances.size(), attended,
                MeetingCalendar.longestAbsence(attendances), unexcused, reminders.given(), reminders.followedUp(),
                reminders.done());
    }

    /** Meetings held by an organization in a year: regular and thematic. */
    int held(OrganizationId organization, int year) {
        return jdbc.sql("""
                SELECT count(*) FROM supervision.meeting
                WHERE organization_id = :organization AND extract(YEAR FROM held_on) = :year
                """).param("organization", organization.value()).param("year", year).query(Integer.class).single();
    }

    private List<MeetingView> meetings(String where, Map<String, Object> params) {
        Map<UUID, MeetingView> out = new LinkedHashMap<>();
        Map<UUID, List<MemberAttendance>> attendance = new LinkedHashMap<>();
        jdbc.sql("SELECT m.* FROM supervision.meeting m WHERE " + where + " ORDER BY m.held_on DESC, m.id")
                .params(params).query((ResultSet rs) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    List<MemberAttendance> list = new ArrayList<>();
                    attendance.put(id, list);
                    out.put(id, view(rs, list));
                });
        if (!out.isEmpty()) {
            jdbc.sql("""
                    SELECT meeting_id, member_id, attendance, reason FROM supervision.attendance
                    WHERE meeting_id = ANY(:ids)
                    """).param("ids", out.keySet().toArray(UUID[]::new)).query((ResultSet rs) -> {
                        attendance.get(rs.getObject("meeting_id", UUID.class)).add(new MemberAttendance(
                                new MemberId(rs.getObject("member_id", UUID.class)),
                                Attendance.valueOf(rs.getString("attendance")), rs.getString("reason")));
                    });
        }
        return List.copyOf(out.values());
    }

    private static MeetingView view(ResultSet rs, List<MemberAttendance> attendance) throws SQLException {
        return new MeetingView(rs.getObject("id", UUID.class), new OrganizationId(rs.getObject("organization_id",
                UUID.class)), MeetingKind.valueOf(rs.getString("kind")), rs.getObject("held_on", LocalDate.class),
                rs.getString("agenda"), rs.getString("minutes"), rs.getString("resolutions"),
                rs.getString("commitments_reviewed"), rs.getString("recorded_by"), attendance);
    }
}
