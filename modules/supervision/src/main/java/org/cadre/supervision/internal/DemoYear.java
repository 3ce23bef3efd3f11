package org.cadre.supervision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.cadre.organizations.CoordinatingBody;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.DemoDataSwitch;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.FindingNature;
import org.cadre.supervision.InspectionKind;
import org.cadre.supervision.InspectionPlan;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.Severity;
import org.cadre.supervision.Stance;
import org.cadre.supervision.SupervisionBulkLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo year 2017 of the source article, after the bloc (order 10) and commitments' year (order 20): twelve
 * monthly meetings per chapter with realistic attendance and a few missed months, a thematic meeting per quarter,
 * reminders with their follow-up, a few inspections with findings, a handful of disciplines and the comments of the
 * three coordinating bodies of the article. Written in batches in one transaction, deterministically from a seed,
 * then one {@link SupervisionBulkLoaded}. On when the demo data is, only where the bloc exists and the module is
 * empty.
 */
@Component("supervisionDemoYear")
@Order(30)
class DemoYear implements ApplicationRunner {

    static final int YEAR = 2017;
    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);
    private static final String[] AGENDA = {
        "Sinh hoạt chi bộ thường kỳ: kiểm điểm việc thực hiện nhiệm vụ tháng, đôn đốc thực hiện cam kết",
        "Sinh hoạt chi bộ thường kỳ: học tập Nghị quyết Trung ương 4, triển khai nhiệm vụ tháng tới",
        "Sinh hoạt chi bộ thường kỳ: nhận xét đảng viên, kiểm điểm tiến độ cam kết tu dưỡng, rèn luyện",
    };
    private static final String[] THEMATIC = {
        "Chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Chuyên đề: nhận diện biểu hiện suy thoái, \"tự diễn biến\", \"tự chuyển hóa\"",
        "Chuyên đề: nêu gương của cán bộ, đảng viên",
        "Chuyên đề: tự phê bình và phê bình cuối năm",
    };
    private static final String[] EXCUSES = {"Đi công tác", "Ốm", "Nghỉ phép", "Tập huấn"};

    private final Organizations organizations;
    private final Members members;
    private final ClusterLocks locks;
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private final long seed;

    DemoYear(Organizations organizations, Members members, ClusterLocks locks, JdbcTemplate jdbc, JdbcClient client,
            TransactionTemplate transactions, ApplicationEventPublisher events, DemoDataSwitch demo) {
        this.organizations = organizations;
        this.members = members;
        this.locks = locks;
        this.jdbc = jdbc;
        this.client = client;
        this.transactions = transactions;
        this.events = events;
        // the same switch and seed as the demo bloc's (DemoDataSwitch)
        this.enabled = demo.enabled();
        this.seed = demo.seed();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            locks.runExclusively("supervision.demo-year", this::seedIfEmpty);
        }
    }

    void seedIfEmpty() {
        OrganizationSummary bloc = organizations.bloc().orElse(null);
        if (bloc == null || client.sql("SELECT EXISTS (SELECT 1 FROM supervision.meeting)").query(Boolean.class)
                .single()) {
            return;
        }
        long started = System.nanoTime();
        SupervisionBulkLoaded loaded = transactions.execute(status -> {
            SupervisionBulkLoaded written = write(bloc);
            events.publishEvent(written);
            return written;
        });
        log.info("Supervision demo year {}: {} meetings with {} attendances, {} reminders, {} inspections with {}"
                + " findings, {} disciplines, {} comments written in {} s", YEAR, loaded.meetings(),
                loaded.attendances(), loaded.reminders(), loaded.inspections(), loaded.findings(),
                loaded.disciplines(), loaded.comments(), String.format("%.2f", (System.nanoTime() - started) / 1e9));
    }

    private SupervisionBulkLoaded write(OrganizationSummary bloc) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<OrganizationId, List<MemberSummary>> chapters = new LinkedHashMap<>();
        for (MemberSummary m : members.list(bloc.id(), true, LocalDate.of(YEAR, 6, 30))) {
            if (m.admittedOn() == null || m.admittedOn().getYear() < YEAR) {
                chapters.computeIfAbsent(m.organizationId(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Object[]> meetings = new ArrayList<>();
        List<Object[]> attendance = new ArrayList<>();
        for (Map.Entry<OrganizationId, List<MemberSummary>> chapter : chapters.entrySet()) {
            // about one chapter in eight misses a month (never December, when the year is reviewed)
            int missed = r.nextInt(8) == 0 ? 1 + r.nextInt(11) : 0;
            // about one member in forty stops coming after the summer: three absences in a row and more
            List<MemberSummary> list = chapter.getValue();
            MemberSummary drifting = list.size() > 5 && r.nextInt(5) == 0 ? list.get(r.nextInt(list.size())) : null;
            for (int month = 1; month <= 12; month++) {
                if (month == missed) {
                    continue;
                }
                LocalDate day = LocalDate.of(YEAR, month, 3 + r.nextInt(8));
                meeting(meetings, attendance, chapter.getKey(), MeetingKind.REGULAR, day,
                        AGENDA[r.nextInt(AGENDA.length)], list, drifting != null && month >= 9 ? drifting : null, r);
                if (month % 3 == 0) {
                    meeting(meetings, attendance, chapter.getKey(), MeetingKind.THEMATIC, day.plusDays(10),
                            THEMATIC[month / 3 - 1], list, null, r);
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO supervision.meeting (id, organization_id, kind, held_on, agenda, minutes, resolutions,
                    commitments_reviewed, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo')
                """, meetings);
        jdbc.batchUpdate("""
                INSERT INTO supervision.attendance (meeting_id, member_id, attendance, reason) VALUES (?, ?, ?, ?)
                """, attendance);

        List<MemberSummary> all = chapters.values().stream().flatMap(List::stream).toList();
        int reminders = 0;
        for (int i = 0; i < Math.min(120, all.size()); i++) {
            MemberSummary m = all.get(r.nextInt(all.size()));
            LocalDate on = LocalDate.of(YEAR, 3 + r.nextInt(9), 1 + r.nextInt(27));
            boolean followed = r.nextInt(5) != 0;
            boolean done = followed && r.nextInt(4) != 0;
            client.sql("""
                    INSERT INTO supervision.reminder (id, member_id, organization_id, about, reminded_on, due_on,
                        followed_up_on, follow_up, done, recorded_by)
                    VALUES (:id, :member, :organization, :about, :on, :due, :followed, :note, :done, 'demo')
                    """).param("id", UUID.randomUUID()).param("member", m.id().value())
                    .param("organization", m.organizationId().value())
                    .param("about", "Hoàn thành đúng hạn nội dung cam kết đã đăng ký").param("on", on)
                    .param("due", on.plusDays(14)).param("followed", followed ? on.plusDays(10 + r.nextInt(10)) : null)
                    .param("note", followed ? (done ? "Đã hoàn thành" : "Chưa hoàn thành, tiếp tục đôn đốc") : null)
                    .param("done", followed ? done : null).update();
            reminders++;
        }

        List<OrganizationSummary> grassroots = organizations.list().stream()
                .filter(o -> o.kind().isGrassroots()).toList();
        int inspections = 0;
        int findings = 0;
        for (int i = 0; i < grassroots.size(); i += Math.max(1, grassroots.size() / 8)) {
            OrganizationSummary o = grassroots.get(i);
            UUID id = UUID.randomUUID();
            LocalDate opened = LocalDate.of(YEAR, 4 + r.nextInt(5), 5);
            client.sql("""
                    INSERT INTO supervision.inspection (id, kind, plan, organization_id, title, team, period_from,
                        period_to, opened_on, concluded_on, conclusion, recorded_by)
                    VALUES (:id, :kind, :plan, :organization, :title, :team, :from, :to, :opened, :concluded,
                        :conclusion, 'demo')
                    """).param("id", id).param("kind", (i % 2 == 0 ? InspectionKind.INSPECTION
                            : InspectionKind.SUPERVISION).name())
                    .param("plan", (i % 3 == 0 ? InspectionPlan.THEMATIC : InspectionPlan.REGULAR).name())
                    .param("organization", o.id().value())
                    .param("title", "Kiểm tra, giám sát việc thực hiện Nghị quyết Trung ương 4 và cam kết của đảng viên")
                    .param("team", "Ủy ban Kiểm tra Đảng ủy Khối").param("from", LocalDate.of(YEAR - 1, 7, 1))
                    .param("to", LocalDate.of(YEAR, 3, 31)).param("opened", opened)
                    .param("concluded", opened.plusDays(30))
                    .param("conclusion", "Cơ bản thực hiện tốt; còn một số hạn chế cần khắc phục").update();
            inspections++;
            finding(id, FindingNature.STRENGTH, Severity.LOW, "Duy trì nền nếp sinh hoạt chi bộ định kỳ",
                    opened.plusDays(20), null, null, null);
            LocalDate required = opened.plusDays(25);
            finding(id, FindingNature.SHORTCOMING, Severity.MEDIUM,
                    "Một số bản cam kết chưa cụ thể, khó đánh giá kết quả", required,
                    "Hướng dẫn đảng viên bổ sung chỉ tiêu đo được", required.plusDays(45),
                    r.nextInt(3) == 0 ? null : required.plusDays(20 + r.nextInt(40)));
            findings += 2;
        }

        int disciplines = 0;
        for (int i = 0; i < 5 && !all.isEmpty(); i++) {
            MemberSummary m = all.get(r.nextInt(all.size()));
            if (m.confirmedOn() == null) {
                continue;
            }
            UUID violation = UUID.randomUUID();
            boolean self = i == 0;
            client.sql("""
                    INSERT INTO supervision.violation (id, member_id, organization_id, description, self_detected,
                        remedied) VALUES (:id, :member, :organization, :description, :self, :self)
                    """).param("id", violation).param("member", m.id().value())
                    .param("organization", m.organizationId().value())
                    .param("description", i % 2 == 0 ? "Vi phạm quy chế làm việc của cơ quan"
                            : "Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao").param("self", self).update();
            client.sql("""
                    INSERT INTO supervision.discipline (id, violation_id, member_id, organization_id, form, decision,
                        decided_on, issuer, recorded_by)
                    VALUES (:id, :violation, :member, :organization, :form, :decision, :on, :issuer, 'demo')
                    """).param("id", UUID.randomUUID()).param("violation", violation).param("member", m.id().value())
                    .param("organization", m.organizationId().value())
                    .param("form", (i == 4 ? DisciplineForm.WARNING : DisciplineForm.REPRIMAND).name())
                    .param("decision", (10 + i) + "-QĐ/UBKT").param("on", LocalDate.of(YEAR, 5 + i, 12))
                    .param("issuer", "Ủy ban Kiểm tra Đảng ủy Khối").update();
            disciplines++;
        }

        int comments = 0;
        LocalDate requested = LocalDate.of(YEAR, 11, 20);
        for (CoordinatingBody body : organizations.coordinatingBodies()) {
            UUID request = UUID.randomUUID();
            client.sql("""
                    INSERT INTO supervision.feedback_request (id, body_id, organization_id, year, deadline, note,
                        requested_on, requested_by)
                    VALUES (:id, :body, :organization, :year, :deadline, :note, :on, 'demo')
                    """).param("id", request).param("body", body.id()).param("organization", bloc.id().value())
                    .param("year", YEAR).param("deadline", LocalDate.of(YEAR, 12, 10))
                    .param("note", "Góp ý phục vụ đánh giá, xếp loại chất lượng tổ chức đảng năm 2017")
                    .param("on", requested).update();
            List<OrganizationId> remit = body.mayCommentOn();
            for (int i = 0; i < Math.min(3, remit.size()); i++) {
                Stance stance = i == 2 ? Stance.CONCERN : Stance.POSITIVE;
                client.sql("""
                        INSERT INTO supervision.comment (id, body_id, request_id, organization_id, year, stance, text,
                            commented_on, commented_by)
                        VALUES (:id, :body, :request, :organization, :year, :stance, :text, :on, 'demo')
                        """).param("id", UUID.randomUUID()).param("body", body.id()).param("request", request)
                        .param("organization", remit.get(i).value()).param("year", YEAR)
                        .param("stance", stance.name())
                        .param("text", stance == Stance.POSITIVE
                                ? "Tổ chức đảng lãnh đạo cơ quan hoàn thành tốt nhiệm vụ năm"
                                : "Còn chậm trong triển khai một số nhiệm vụ cải cách hành chính")
                        .param("on", requested.plusDays(5 + i)).update();
                comments++;
            }
        }
        return new SupervisionBulkLoaded(UUID.randomUUID(), YEAR, meetings.size(), attendance.size(), reminders,
                inspections, findings, disciplines, comments);
    }

    private void meeting(List<Object[]> meetings, List<Object[]> attendance, OrganizationId chapter,
            MeetingKind kind, LocalDate day, String agenda, List<MemberSummary> list, MemberSummary drifting,
            SplittableRandom r) {
        UUID id = UUID.randomUUID();
        meetings.add(new Object[] {id, chapter.value(), kind.name(), day, agenda, "Biên bản sinh hoạt chi bộ",
            "Chi bộ thống nhất các nhiệm vụ trọng tâm", "Tiến độ thực hiện cam kết của đảng viên"});
        for (MemberSummary m : list) {
            int roll = r.nextInt(100);
            Attendance a = m.equals(drifting) ? Attendance.UNEXCUSED
                    : roll < 90 ? Attendance.PRESENT : roll < 97 ? Attendance.EXCUSED : Attendance.UNEXCUSED;
            attendance.add(new Object[] {id, m.id().value(), a.name(),
                a == Attendance.EXCUSED ? EXCUSES[r.nextInt(EXCUSES.length)] : null});
        }
    }

    private void finding(UUID inspection, FindingNature nature, Severity severity, String text, LocalDate on,
            String remedy, LocalDate due, LocalDate resolved) {
        client.sql("""
                INSERT INTO supervision.finding (id, inspection_id, nature, severity, text, recorded_on, remedy,
                    remedy_due, resolved_on, resolution)
                VALUES (:id, :inspection, :nature, :severity, :text, :on, :remedy, :due, :resolved, :resolution)
                """).param("id", UUID.randomUUID()).param("inspection", inspection).param("nature", nature.name())
                .param("severity", severity.name()).param("text", text).param("on", on).param("remedy", remedy)
                .param("due", due).param("resolved", resolved)
                .param("resolution", resolved == null ? null : "Đã hướng dẫn bổ sung").update();
    }
}
