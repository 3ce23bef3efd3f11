package org.cadre.commitments.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.cadre.commitments.CommitmentsBulkLoad;
import org.cadre.commitments.CommitmentsBulkLoaded;
import org.cadre.commitments.CreateResolution;
import org.cadre.commitments.ItemStatus;
import org.cadre.commitments.ItemView;
import org.cadre.commitments.ProgrammeItemStatus;
import org.cadre.commitments.ProgrammeView;
import org.cadre.commitments.RegisterStatus;
import org.cadre.commitments.RegisterView;
import org.cadre.commitments.RegulationKind;
import org.cadre.commitments.ReviewDecision;
import org.cadre.commitments.ReviewView;
import org.cadre.commitments.StudyHow;
import org.cadre.commitments.StudyStatus;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RoleAssignment;
import org.cadre.platform.ClusterLocks;
import org.cadre.platform.DemoDataSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo year 2017 of the source article for the demo bloc, after the bloc itself is seeded (the demo data runs
 * at order 10): Resolution 4 studied in every organization (most members at a session, some later, a few not at
 * all), a register per member who must register (most approved and assessed at year end, some items late or
 * missed, a few registers still submitted or returned), an action programme per grassroots organization (a few
 * lacking the agency head's signature) and regulation reviews. Written through the module's bulk path in one
 * transaction, deterministically from a seed. On when the demo data is ({@code cadre.demo-data.enabled}, or an
 * embedded database), only where the bloc exists and the module is empty.
 */
@Component
@Order(20)
class DemoYear implements ApplicationRunner {

    static final int YEAR = 2017;
    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);
    private static final String[][] ITEMS = {
        {"Hoàn thành đúng hạn các nhiệm vụ chuyên môn được giao", "Nhiệm vụ chuyên môn theo vị trí việc làm",
            "100% công việc đúng hạn"},
        {"Không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống", "Tu dưỡng, rèn luyện",
            "Không vi phạm"},
        {"Tham gia đầy đủ sinh hoạt chi bộ", "Sinh hoạt đảng", "12/12 kỳ sinh hoạt"},
        {"Đề xuất cải cách thủ tục hành chính trong lĩnh vực phụ trách", "Cải cách hành chính",
            "Ít nhất 1 đề xuất được chấp nhận"},
        {"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Chuyên đề năm 2017",
            "Đăng ký 1 việc làm cụ thể"},
    };
    private static final String[] TASKS = {
        "Tổ chức học tập, quán triệt Nghị quyết Trung ương 4 khóa XII đến 100% đảng viên",
        "Hướng dẫn đảng viên xây dựng bản đăng ký cam kết tu dưỡng, rèn luyện",
        "Rà soát, sửa đổi quy chế làm việc, quy chế dân chủ của cơ quan",
        "Kiểm tra, giám sát việc thực hiện cam kết tại sinh hoạt chi bộ định kỳ",
        "Sơ kết 6 tháng, tổng kết năm thực hiện Nghị quyết",
    };
    private static final String[] REGULATIONS = {
        "Quy chế làm việc của cơ quan", "Quy chế dân chủ ở cơ sở", "Quy chế chi tiêu nội bộ",
        "Nội quy cơ quan", "Quy định về tiếp công dân", "Quy chế phối hợp giữa cấp ủy và lãnh đạo cơ quan",
    };

    private final CommitmentsBulkLoad bulk;
    private final Organizations organizations;
    private final Members members;
    private final ClusterLocks locks;
    private final boolean enabled;
    private final long seed;

    DemoYear(CommitmentsBulkLoad bulk, Organizations organizations, Members members, ClusterLocks locks,
            DemoDataSwitch demo) {
        this.bulk = bulk;
        this.organizations = organizations;
        this.members = members;
        this.locks = locks;
        // the same switch and seed as the demo bloc's (DemoDataSwitch)
        this.enabled = demo.enabled();
        this.seed = demo.seed();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            locks.runExclusively("commitments.demo-year", this::seedIfEmpty);
        }
    }

    void seedIfEmpty() {
        OrganizationSummary bloc = organizations.bloc().orElse(null);
        if (bloc == null || !bulk.empty()) {
            return;
        }
        long started = System.nanoTime();
        CommitmentsBulkLoaded loaded = bulk.load(sink -> write(sink, bloc));
        log.info("Demo year {}: {} members listed, {} registers with {} items, {} programmes, {} reviews written"
                + " in {} s", YEAR, loaded.duties(), loaded.registers(), loaded.items(), loaded.programmes(),
                loaded.reviews(), String.format("%.2f", (System.nanoTime() - started) / 1e9));
    }

    private void write(CommitmentsBulkLoad.Sink sink, OrganizationSummary bloc) {
        SplittableRandom r = new SplittableRandom(seed);
        UUID resolution = uuid(r);
        UUID campaign = uuid(r);
        LocalDate opens = LocalDate.of(YEAR, 1, 5);
        sink.resolution(resolution, new CreateResolution("04-NQ/TW",
                "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức,"
                        + " lối sống, những biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ",
                LocalDate.of(2016, 10, 30), "Ban Chấp hành Trung ương Đảng khóa XII", "Nghị quyết số 04-NQ/TW\n"
                        + "Kế hoạch số 04-KH/TW của Bộ Chính trị"));
        sink.campaign(campaign, resolution, bloc.id(), opens, LocalDate.of(YEAR, 2, 28));

        Map<MemberId, MemberSummary> endOfYear = new HashMap<>();
        members.list(bloc.id(), true, LocalDate.of(YEAR, 12, 31)).forEach(m -> endOfYear.put(m.id(), m));
        Map<OrganizationId, List<MemberSummary>> byOrganization = new LinkedHashMap<>();
        List<Object[]> active = new ArrayList<>();
        for (MemberSummary m : members.list(bloc.id(), true, opens)) {
            MemberSummary then = endOfYear.get(m.id());
            StudyStatus status = then == null ? StudyStatus.LEFT : DutyRoster.status(then.status());
            byOrganization.computeIfAbsent(m.organizationId(), k -> new ArrayList<>()).add(m);
            active.add(new Object[] {m, status});
        }
        // one session per organization holding members; most attend, some study later, a few not at all
        Map<OrganizationId, LocalDate> sessionDay = new HashMap<>();
        for (Map.Entry<OrganizationId, List<MemberSummary>> o : byOrganization.entrySet()) {
            LocalDate day = LocalDate.of(YEAR, 1, 9).plusDays(r.nextInt(35));
            sessionDay.put(o.getKey(), day);
            sink.session(uuid(r), campaign, o.getKey(), day, "Hội nghị học tập, quán triệt Nghị quyết Trung ương 4",
                    (int) Math.round(o.getValue().size() * 0.95));
        }
        for (Object[] a : active) {
            MemberSummary m = (MemberSummary) a[0];
            StudyStatus status = (StudyStatus) a[1];
            int roll = r.nextInt(100);
            LocalDate studied = null;
            StudyHow how = null;
            String note = null;
            if (status != StudyStatus.LEFT && roll < 95) {
                studied = sessionDay.get(m.organizationId());
                how = StudyHow.SESSION;
            } else if (status == StudyStatus.ACTIVE && roll < 99) {
                studied = LocalDate.of(YEAR, 3, 1).plusDays(r.nextInt(40));
                how = StudyHow.LATER;
                note = "Vắng buổi học do công tác; tự nghiên cứu tài liệu và viết bài thu hoạch";
            }
            sink.duty(campaign, m.id(), m.fullName(), m.cardNumber(), m.organizationId(), status, studied, how, note);
            if (status == StudyStatus.ACTIVE && r.nextInt(100) < 98) {
                sink.register(register(r, campaign, resolution, m));
            }
        }
        for (OrganizationSummary o : organizations.list(org.cadre.organizations.Visibility.within(
                List.of(bloc.id())))) {
            if (o.kind().isGrassroots() && !o.dissolved()) {
                programme(r, sink, o, resolution);
            }
        }
    }

    private RegisterView register(SplittableRandom r, UUID campaign, UUID resolution, MemberSummary m) {
        int roll = r.nextInt(100);
        RegisterStatus status = roll < 94 ? RegisterStatus.APPROVED : roll < 97 ? RegisterStatus.SUBMITTED
                : roll < 99 ? RegisterStatus.RETURNED : RegisterStatus.DRAFT;
        LocalDate submitted = LocalDate.of(YEAR, 3, 1).plusDays(r.nextInt(30));
        List<ItemView> items = new ArrayList<>();
        int count = 3 + r.nextInt(2);
        int first = r.nextInt(ITEMS.length);
        for (int i = 0; i < count; i++) {
            String[] text = ITEMS[(first + i) % ITEMS.length];
            LocalDate deadline = i == 0 ? LocalDate.of(YEAR, 6, 30) : LocalDate.of(YEAR, 12, 15);
            int weight = i == 0 ? 40 : 60 / (count - 1);
            ItemStatus itemStatus = ItemStatus.OPEN;
            int progress = 0;
            LocalDate completed = null;
            LocalDate reported = null;
            LocalDate assessed = null;
            String assessment = null;
            boolean exceeded = false;
            if (status == RegisterStatus.APPROVED) {
                int outcome = r.nextInt(100);
                reported = deadline.minusDays(r.nextInt(20));
                if (outcome < 84) {
                    progress = 100;
                    completed = outcome < 74 ? reported : deadline.plusDays(5 + r.nextInt(20)); // some late
                    reported = completed;
                    itemStatus = ItemStatus.FULFILLED;
                    exceeded = outcome < 12;
                    assessment = exceeded ? "Hoàn thành vượt chỉ tiêu" : "Hoàn thành";
                } else {
                    progress = 40 + r.nextInt(50);
                    itemStatus = ItemStatus.MISSED;
                    assessment = "Chưa hoàn thành, cần khắc phục";
                }
                assessed = LocalDate.of(YEAR, 12, 20 + r.nextInt(8));
            }
            items.add(new ItemView(uuid(r), i + 1, text[0], text[1], text[2], deadline, Math.max(1, weight), progress,
                    reported, completed, itemStatus, assessed, assessment, exceeded));
        }
        return new RegisterView(uuid(r), campaign, resolution, "04-NQ/TW", m.id(), m.fullName(), m.organizationId(),
                YEAR, status, status == RegisterStatus.RETURNED ? "Nội dung cam kết chưa cụ thể, cần có chỉ tiêu đo được"
                        : null, status == RegisterStatus.DRAFT ? null : submitted,
                status == RegisterStatus.APPROVED || status == RegisterStatus.RETURNED ? submitted.plusDays(7) : null,
                status == RegisterStatus.APPROVED || status == RegisterStatus.RETURNED ? "bithu" : null, items);
    }

    private void programme(SplittableRandom r, CommitmentsBulkLoad.Sink sink, OrganizationSummary o, UUID resolution) {
        List<RoleAssignment> roles = organizations.roles(o.id(), null);
        RoleAssignment secretary = roles.stream().filter(a -> a.role() == OrganizationRole.SECRETARY).findFirst()
                .orElse(null);
        RoleAssignment head = roles.stream().filter(a -> a.role() == OrganizationRole.AGENCY_HEAD).findFirst()
                .orElse(null);
        // a few organizations' programmes still lack the agency head's signature
        boolean lacking = head == null || secretary == null || r.nextInt(100) < 6;
        LocalDate adopted = LocalDate.of(YEAR, 3, 10).plusDays(r.nextInt(20));
        List<ProgrammeView.Task> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS.length; t++) {
            tasks.add(new ProgrammeView.Task(uuid(r), t + 1, TASKS[t], t % 2 == 0 ? "Cấp ủy" : "Thủ trưởng cơ quan",
                    LocalDate.of(YEAR, 3 + 2 * t, 28), lacking && t > 2 ? ProgrammeItemStatus.IN_PROGRESS
                            : ProgrammeItemStatus.DONE));
        }
        sink.programme(new ProgrammeView(uuid(r), o.id(), resolution, "04-NQ/TW", YEAR,
                "Chương trình hành động thực hiện Nghị quyết Trung ương 4 khóa XII", !lacking,
                lacking ? null : adopted, secretary == null ? null : secretary.member(),
                secretary == null ? null : secretary.memberName(), lacking ? null : head.member(),
                lacking ? null : head.memberName(), tasks));
        int reviews = lacking ? r.nextInt(2) : 2 + r.nextInt(3);
        for (int i = 0; i < reviews; i++) {
            ReviewDecision decision = ReviewDecision.values()[r.nextInt(ReviewDecision.values().length)];
            String title = REGULATIONS[(i + r.nextInt(REGULATIONS.length)) % REGULATIONS.length];
            sink.review(new ReviewView(uuid(r), o.id(), YEAR, title, title.startsWith("Nội quy")
                    ? RegulationKind.INTERNAL_RULE : title.startsWith("Quy định") ? RegulationKind.REGULATION
                            : RegulationKind.RULE, decision, LocalDate.of(YEAR, 4, 1).plusDays(r.nextInt(150)), null));
        }
    }

    private static UUID uuid(SplittableRandom r) {
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
