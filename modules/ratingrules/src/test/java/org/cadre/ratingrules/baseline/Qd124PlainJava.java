package org.cadre.ratingrules.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.RatingScale;
import org.cadre.ratingrules.facts.Share;

/**
 * The member rules of the shipped pack {@code rules/qd124-hd25} (eligibility.drl, members.drl, the decision table
 * commitments.xlsx and the member quota of pack.yaml) written again in plain Java, read from the pack's text and
 * nothing else. It exists only as a baseline for the engine's speed and as a cross-check of the pack: for the same
 * facts and parameters it must propose what Drools proposes. It is not used by the application.
 *
 * <p>It works on the same fact objects the engine receives and records its outcome in a {@link Proposal}, the same
 * class the rules call, so "the level" means exactly what it means for the engine (the highest level qualified for,
 * capped by the lowest limit, the scale's lowest when nothing qualifies). Each reason carries the rule id, as the
 * engine's listener attributes it. Thresholds are the pack's parameters; only the decision table's bands are
 * literal, as they are literal cells of the table.
 */
public final class Qd124PlainJava {

    private final RatingScale scale;
    private final Map<String, String> groups;
    private final boolean exemptNotClassified;
    private final boolean newMemberRuleEnabled;
    private final int newMemberMonths;
    private final boolean selfReviewRequired;
    private final boolean sickLeaveCapEnabled;
    private final double sickLeaveCapMonths;
    private final Share minCompletionRatio;
    private final Set<String> excellentLevels;
    private final Share excellentMinExceededRatio;
    private final Set<String> goodLevels;
    private final Set<String> goodTaskLevels;
    private final Set<String> completedLevels;
    private final boolean attendanceCapEnabled;
    private final int maxConsecutiveAbsences;
    private final int maxUnexcusedAbsences;
    private final boolean quotaEnabled;
    private final Share quotaShare;

    /**
     * @param scale  the member scale of the pack
     * @param groups the member criterion groups of pack.yaml (used when the facts carry none, as the engine does)
     */
    public Qd124PlainJava(RatingScale scale, Map<String, String> groups, Parameters params) {
        this.scale = scale;
        this.groups = Map.copyOf(groups);
        exemptNotClassified = params.flag("exemptNotClassified");
        newMemberRuleEnabled = params.flag("newMemberRuleEnabled");
        newMemberMonths = params.integer("newMemberMonths");
        selfReviewRequired = params.flag("selfReviewRequired");
        sickLeaveCapEnabled = params.flag("sickLeaveCapEnabled");
        sickLeaveCapMonths = params.number("sickLeaveCapMonths");
        minCompletionRatio = params.share("minCompletionRatio");
        excellentLevels = codes(params.text("excellentLevels"));
        excellentMinExceededRatio = params.share("excellentMinExceededRatio");
        goodLevels = codes(params.text("goodLevels"));
        goodTaskLevels = codes(params.text("goodTaskLevels"));
        completedLevels = codes(params.text("completedLevels"));
        attendanceCapEnabled = params.flag("attendanceCapEnabled");
        maxConsecutiveAbsences = params.integer("maxConsecutiveAbsences");
        maxUnexcusedAbsences = params.integer("maxUnexcusedAbsences");
        quotaEnabled = params.flag("quotaEnabled");
        quotaShare = params.share("quotaShare");
    }

    /** The proposal for one member, finished (as the engine finishes it after the rules). */
    public Proposal rate(MemberFacts m) {
        Proposal p = new Proposal(m.getSubjectId(), Proposal.Subject.MEMBER, scale);
        Map<String, String> levels = m.getCriterionLevels();
        Map<String, String> criterionGroups = m.getCriterionGroups().isEmpty() ? groups : m.getCriterionGroups();

        // eligibility.drl
        if (exemptNotClassified && (m.isExempt() || m.isSuspended())) {
            int at = p.reasonCount();
            p.exclude(m.isExempt() ? "Được miễn công tác và sinh hoạt đảng" : "Bị đình chỉ sinh hoạt đảng");
            p.attribute(at, "G-ELIG-01", null, null);
        }
        if (m.isCommitteeSuspendedOnly() && !m.isSuspended()) {
            note(p, "G-ELIG-02", "Chỉ bị đình chỉ sinh hoạt cấp ủy: vẫn đánh giá, xếp loại như đảng viên khác");
        }
        if (newMemberRuleEnabled && m.getMonthsSinceAdmission() < newMemberMonths) {
            int at = p.reasonCount();
            p.exclude("Mới kết nạp " + m.getMonthsSinceAdmission() + " tháng; vẫn phải kiểm điểm từ ngày kết nạp");
            p.attribute(at, "G-ELIG-03", null, null);
        }
        if (m.isProbationary()) {
            note(p, "G-ELIG-05", "Đảng viên dự bị: đánh giá, xếp loại như đảng viên chính thức");
        }
        if (selfReviewRequired && !m.isSelfReviewSubmitted()) {
            pend(p, "G-ELIG-06", "Chưa nộp bản kiểm điểm; tổ chức xếp loại trong thời gian sớm nhất");
        }
        if (m.isCivilServant() && m.getCivilServiceRating() == null) {
            pend(p, "G-SEQ-01", "Chưa có kết quả xếp loại cán bộ, công chức, viên chức của năm");
        }
        if (sickLeaveCapEnabled && m.getSickLeaveMonths() >= sickLeaveCapMonths) {
            limit(p, "G-CAP-01", "HTNV", "Nghỉ ốm " + m.getSickLeaveMonths() + " tháng trong năm");
        }
        int violations = m.getDisciplinedViolations();
        if (m.getDisciplines().size() > violations) {
            note(p, "G-DISC-01", m.getDisciplines().size() + " quyết định kỷ luật, " + violations
                    + " vi phạm: mỗi vi phạm tính một lần");
        }
        if (m.extraFlag("residenceCommentRequired") && !m.extraFlag("residenceCommentReceived")) {
            pend(p, "G-RES-01", "Chưa có phiếu nhận xét của chi ủy, chi bộ nơi cư trú");
        }

        // members.drl: one pass over the criteria gives what every rule asks of them
        int rated = 0;
        int task = 0;
        boolean anyKem = false;
        boolean allExcellent = true;
        boolean allGood = true;
        boolean allCompleted = true;
        boolean taskAllXuatSac = true;
        boolean taskAllGood = true;
        for (Map.Entry<String, String> criterion : levels.entrySet()) {
            String level = criterion.getValue();
            rated++;
            anyKem |= "KEM".equals(level);
            allExcellent &= excellentLevels.contains(level);
            allGood &= goodLevels.contains(level);
            allCompleted &= completedLevels.contains(level);
            if ("TASK_RESULT".equals(criterionGroups.get(criterion.getKey()))) {
                task++;
                taskAllXuatSac &= "XUAT_SAC".equals(level);
                taskAllGood &= goodTaskLevels.contains(level);
            }
        }
        // criteriaAllIn is false for a group with no rated criterion
        allExcellent &= rated > 0;
        allGood &= rated > 0;
        allCompleted &= rated > 0;
        taskAllXuatSac &= task > 0;
        taskAllGood &= task > 0;

        if (rated == 0) {
            pend(p, "G-DATA-01", "Chi bộ chưa nhập mức đánh giá của các tiêu chí");
        }
        if (anyKem) {
            limit(p, "C23-KH-01-CN", "KHTNV", null);
        }
        if (!minCompletionRatio.reachedBy(m.getTargetsCompleted(), m.getTargetsAssigned()) && m.isKeyTargetsMissed()
                && !m.isForceMajeure()) {
            limit(p, "C23-KH-03-CN", "KHTNV",
                    "Hoàn thành " + m.getTargetsCompleted() + "/" + m.getTargetsAssigned() + " chỉ tiêu");
        }
        if (m.isLeader() && !minCompletionRatio.reachedBy(m.getLedUnitTargetsCompleted(),
                m.getLedUnitTargetsAssigned()) && !m.isForceMajeure()) {
            limit(p, "C23-KH-03-LD", "KHTNV", "Đơn vị hoàn thành " + m.getLedUnitTargetsCompleted() + "/"
                    + m.getLedUnitTargetsAssigned() + " chỉ tiêu");
        }
        if (m.getUnremediedViolations() >= 1) {
            limit(p, "I23-KH-01", "KHTNV", null);
        }
        if (m.isDegradationConcluded() || m.isProhibitedActsViolation() || m.isExampleDutyViolation()) {
            limit(p, "I23-KH-02", "KHTNV", null);
        }
        if (m.isExemplary() && allExcellent && taskAllXuatSac) {
            qualify(p, "C23-XS-01-CN", "HTXSNV");
        }
        if (taskAllXuatSac && (m.getCompletionRatio() < 1.0 || m.getOnTimeRatio() < 1.0
                || !excellentMinExceededRatio.reachedBy(m.getTargetsExceeded(), m.getTargetsAssigned()))) {
            limit(p, "I23-XS-01", "HTTNV", "Hoàn thành " + m.getTargetsCompleted() + ", đúng hạn "
                    + m.getTargetsOnTime() + ", vượt mức " + m.getTargetsExceeded() + " trên "
                    + m.getTargetsAssigned() + " chỉ tiêu");
        }
        if (allGood && taskAllGood) {
            qualify(p, "C23-TT-01-CN", "HTTNV");
        }
        if (allCompleted) {
            qualify(p, "C23-HT-01-CN", "HTNV");
        }
        if (attendanceCapEnabled && (m.getConsecutiveAbsences() > maxConsecutiveAbsences
                || m.getUnexcusedAbsences() > maxUnexcusedAbsences)) {
            limit(p, "P-ATTEND-01", "HTNV", "Vắng liên tiếp " + m.getConsecutiveAbsences() + " lần, không lý do "
                    + m.getUnexcusedAbsences() + " lần");
        }

        // commitments.xlsx (C23-COMMIT-01): the bands are the table's cells, not parameters of the pack
        if (m.getCommitmentItems() > 0) {
            double ratio = m.getCommitmentRatio();
            String suggested = ratio >= 1.0 ? "Xuất sắc" : ratio >= 0.8 ? "Tốt" : ratio >= 0.5 ? "Trung bình" : "Kém";
            note(p, "C23-COMMIT-01", "Cam kết: thực hiện " + m.getCommitmentItemsFulfilled() + "/"
                    + m.getCommitmentItems() + " nội dung; gợi ý tiêu chí CAM_KET: " + suggested);
        }
        p.finish();
        return p;
    }

    /**
     * The member quota C23-QUOTA-01-CN (per peer group; a member without one counts with its grassroots
     * organization): the groups where more members are HTXSNV than the share of those at HTTNV allows.
     */
    public List<CalibrationCase> quotas(List<MemberFacts> members, Map<String, Proposal> proposals) {
        List<CalibrationCase> cases = new ArrayList<>();
        if (!quotaEnabled) {
            return cases;
        }
        Map<String, List<MemberFacts>> byGroup = new LinkedHashMap<>();
        for (MemberFacts m : members) {
            String grassroots = m.getGrassrootsOrganizationId() != null ? m.getGrassrootsOrganizationId()
                    : m.getOrganizationId();
            String group = m.getPeerGroup() != null ? m.getPeerGroup() : grassroots;
            if (group != null) {
                byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(m);
            }
        }
        byGroup.forEach((group, inGroup) -> {
            List<String> excellent = new ArrayList<>();
            int base = 0;
            for (MemberFacts m : inGroup) {
                String level = proposals.get(m.getSubjectId()).getLevel();
                if ("HTXSNV".equals(level)) {
                    excellent.add(m.getSubjectId());
                } else if ("HTTNV".equals(level)) {
                    base++;
                }
            }
            int allowed = quotaShare.of(base);
            if (excellent.size() > allowed) {
                cases.add(new CalibrationCase("C23-QUOTA-01-CN", group, "HTXSNV", "HTTNV", base, allowed,
                        excellent.size(), excellent.size() - allowed, excellent, null));
            }
        });
        return cases;
    }

    private static void note(Proposal p, String rule, String text) {
        int at = p.reasonCount();
        p.note(text);
        p.attribute(at, rule, null, null);
    }

    private static void pend(Proposal p, String rule, String text) {
        int at = p.reasonCount();
        p.pend(text);
        p.attribute(at, rule, null, null);
    }

    private static void limit(Proposal p, String rule, String level, String text) {
        int at = p.reasonCount();
        p.limit(level, text);
        p.attribute(at, rule, null, null);
    }

    private static void qualify(Proposal p, String rule, String level) {
        int at = p.reasonCount();
        p.qualify(level);
        p.attribute(at, rule, null, null);
    }

    private static Set<String> codes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
