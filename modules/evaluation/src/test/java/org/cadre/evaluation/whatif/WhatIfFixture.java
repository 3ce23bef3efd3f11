package org.cadre.evaluation.whatif;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.cadre.evaluation.CycleView;
import org.cadre.evaluation.Cycles;
import org.cadre.evaluation.testing.EvaluationTesting;
import org.cadre.evaluation.testing.TestBloc;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.supervision.Attendance;
import org.cadre.supervision.AttendanceEntry;
import org.cadre.supervision.ChapterMeetings;
import org.cadre.supervision.MeetingKind;
import org.cadre.supervision.RecordMeeting;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bloc of its own (a prefix keeps it apart from other tests' data), shaped like the runs' fixture: a grassroots
 * committee with chapters A and B and a grassroots chapter, one member each except A with two; and a pack written
 * here for 2007 and 2008 whose member levels follow attendance through two parameters: {@code excellentAttendance}
 * (90 %) for HTXSNV and {@code goodAttendance} (1/2) for HTTNV, anyone else HTNV. An organization is TSVM when none
 * of its members and sub-organizations is at the completed level, HTNV otherwise.
 *
 * <p>Each chapter holds four meetings in 2007: An attends 4 (HTXSNV), Bình 3 and Cường 2 (HTTNV), Dung 1 (HTNV). So
 * chapter A, chapter B and the committee are TSVM, the grassroots chapter (Dung's) and the bloc HTNV. With
 * {@code goodAttendance} at 1/4, exactly Dung, her chapter and the bloc change.
 */
final class WhatIfFixture extends TestBloc {

    static final int YEAR = 2007;
    static final Caller EVALUATOR = Caller.of("eva-whatif", Role.EVALUATOR);
    static final Caller RULE_ADMIN = Caller.of("rules-whatif", Role.RULE_ADMIN);
    static final Caller ADMIN = Caller.of("admin-whatif", Role.ADMIN);
    static final String PACK = "test-whatif-2007";
    static final String OTHER_YEARS_PACK = "test-whatif-2009";

    static final String MANIFEST = manifest(PACK, 2007, 2008);

    static final String RULES = """
            package rules.test.whatif;
            import org.cadre.ratingrules.facts.*;
            global Parameters params;

            rule "Excellent attendance"
                @id("W-XS") @criterion("Dự sinh hoạt gần như đầy đủ") @article("TEST-WHATIF, 1")
            when
                $m : MemberFacts( meetingsRequired > 0,
                                  params.share("excellentAttendance").reachedBy(meetingsAttended, meetingsRequired) )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTXSNV");
            end

            rule "Good attendance"
                @id("W-TT") @criterion("Dự sinh hoạt") @article("TEST-WHATIF, 1")
            when
                $m : MemberFacts( meetingsRequired > 0,
                                  params.share("goodAttendance").reachedBy(meetingsAttended, meetingsRequired) )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTTNV");
            end

            rule "Completed"
                @id("W-HT") @criterion("Là đảng viên trong năm") @article("TEST-WHATIF, 2")
            when
                $m : MemberFacts( )
                $p : Proposal( subjectId == $m.subjectId )
            then
                $p.qualify("HTNV");
            end

            rule "Organization completed"
                @id("W-O-HT") @criterion("Có đảng viên, tổ chức được xếp loại") @article("TEST-WHATIF, 3")
            when
                $o : OrganizationFacts( ratedMembers + ratedSubOrganizations > 0 )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("HTNV");
            end

            rule "Strong organization"
                @id("W-O-TS") @criterion("Không ai chỉ hoàn thành nhiệm vụ") @article("TEST-WHATIF, 3")
            when
                $o : OrganizationFacts( ratedMembers + ratedSubOrganizations > 0,
                                        membersIn("HTNV") + membersIn("KHTNV") == 0,
                                        subOrganizationsIn("HTNV") + subOrganizationsIn("YEU_KEM") == 0 )
                $p : Proposal( subjectId == $o.subjectId )
            then
                $p.qualify("TSVM");
            end
            """;

    static final String SCENARIO = """
            name: "Full attendance is excellent"
            year: 2007
            members:
              - { id: a, facts: { organizationId: c1, grassrootsOrganizationId: g1, meetingsRequired: 10, meetingsAttended: 10 } }
            expect:
              - { subject: a, level: HTXSNV }
            """;

    WhatIfFixture(Organizations organizations, Members members) {
        super(organizations, members, "W");
    }

    /** Four meetings of each chapter in the year; each member attends the first {@code n} of their chapter's. */
    void recordMeetings(ChapterMeetings meetings) {
        meetingsOf(meetings, chapterA, Map.of(an, 4, binh, 3));
        meetingsOf(meetings, chapterB, Map.of(cuong, 2));
        meetingsOf(meetings, grassrootsChapter, Map.of(dung, 1));
    }

    private static void meetingsOf(ChapterMeetings meetings, OrganizationId chapter, Map<MemberId, Integer> present) {
        for (int month = 1; month <= 4; month++) {
            List<AttendanceEntry> attendance = new ArrayList<>();
            for (Map.Entry<MemberId, Integer> member : present.entrySet()) {
                attendance.add(new AttendanceEntry(member.getKey().value(),
                        month <= member.getValue() ? Attendance.PRESENT : Attendance.UNEXCUSED, null));
            }
            meetings.record(new RecordMeeting(chapter.value(), MeetingKind.REGULAR, LocalDate.of(YEAR, month, 12),
                    "Sinh hoạt tháng " + month, null, null, null, attendance), ADMIN);
        }
    }

    /** Waits until evaluation's ledger holds the bloc and the sixteen attendances (events arrive asynchronously). */
    void awaitFacts(JdbcClient jdbc) {
        UUID[] ids = {an.value(), binh.value(), cuong.value(), dung.value()};
        await(() -> jdbc.sql("SELECT count(*) FROM evaluation.member_projection WHERE card_number LIKE :prefix")
                .param("prefix", prefix + "-%").query(Integer.class).single() == 4
                && jdbc.sql("SELECT count(*) FROM evaluation.organization_projection WHERE code LIKE :prefix")
                        .param("prefix", prefix + "%").query(Integer.class).single() == 5
                && jdbc.sql("SELECT count(*) FROM evaluation.fact_attendance WHERE member_id = ANY(:ids)")
                        .param("ids", ids).query(Integer.class).single() == 16, Duration.ofSeconds(30));
    }

    /** The test pack (activated: cycles pin it) and a pack for other years (stored only), once per database. */
    static void storePacks(RulePackRegistry registry) {
        TestPacks.activate(registry, PACK, TestPacks.files("whatif", MANIFEST, RULES, SCENARIO));
        TestPacks.store(registry, OTHER_YEARS_PACK, TestPacks.files("whatif", manifest(OTHER_YEARS_PACK, 2009, 2009),
                RULES, SCENARIO.replace("year: 2007", "year: 2009")));
    }

    private static String manifest(String id, int from, int to) {
        return TestPacks.manifest(id, "Bộ thử nếu áp dụng", "What-if test pack", "TEST-WHATIF", from, to, true, """
                parameters:
                  - { name: excellentAttendance, type: share, default: "90%",
                      label: { vi: "Tỷ lệ dự sinh hoạt để xuất sắc", en: "Attendance for excellent" },
                      article: "TEST-WHATIF, 1" }
                  - { name: goodAttendance, type: share, default: "1/2",
                      label: { vi: "Tỷ lệ dự sinh hoạt để hoàn thành tốt", en: "Attendance for good" },
                      article: "TEST-WHATIF, 1" }
                """);
    }

    /** Runs the cycle and waits for the run to end; returns the cycle as it is then. */
    static CycleView runAndWait(Cycles cycles, UUID cycle) {
        return EvaluationTesting.runAndWait(cycles, cycle, EVALUATOR);
    }

    static void await(BooleanSupplier condition, Duration patience) {
        EvaluationTesting.await(condition, patience);
    }
}
