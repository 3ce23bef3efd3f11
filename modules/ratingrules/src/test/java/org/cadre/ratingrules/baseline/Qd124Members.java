package org.cadre.ratingrules.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cadre.ratingrules.facts.Discipline;
import org.cadre.ratingrules.facts.MemberFacts;

/**
 * Generated members for the QĐ 124 pack, from a fixed seed: 36 to a chapter, ten chapters to a grassroots
 * organization, a peer group for some. The draws are weighted so most members take the ordinary paths (rated on
 * their criteria) while every condition of every member rule is met, and missed, by some of them at the seed scale.
 */
public final class Qd124Members {

    private static final String[] LEVELS = {"XUAT_SAC", "TOT", "TRUNG_BINH", "KEM"};
    private static final String[] CRITERIA = {"CHINH_TRI", "CAM_KET", "NHIEM_VU"};

    private Qd124Members() {
    }

    public static List<MemberFacts> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MemberFacts> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(member(i, random));
        }
        return members;
    }

    private static MemberFacts member(int i, SplittableRandom r) {
        MemberFacts m = new MemberFacts();
        int chapter = i / 36;
        m.setSubjectId("m" + i);
        m.setYear(2024);
        m.setOrganizationId("cb" + chapter);
        m.setGrassrootsOrganizationId("db" + chapter / 10);
        if (chance(r, 10)) {
            m.setPeerGroup("peer" + chapter % 7);
        }
        m.setExempt(chance(r, 2));
        m.setSuspended(chance(r, 2));
        m.setCommitteeSuspendedOnly(chance(r, 3));
        m.setProbationary(chance(r, 8));
        m.setMonthsSinceAdmission(r.nextInt(chance(r, 10) ? 12 : 400));
        m.setSelfReviewSubmitted(!chance(r, 4));
        m.setCivilServant(chance(r, 40));
        if (!m.isCivilServant() || !chance(r, 5)) {
            m.setCivilServiceRating(m.isCivilServant() ? "HTTNV" : null);
        }
        m.setSickLeaveMonths(chance(r, 8) ? r.nextInt(0, 13) * 0.5 : 0);
        if (chance(r, 6)) {
            List<Discipline> disciplines = new ArrayList<>();
            int decisions = 1 + r.nextInt(3);
            for (int d = 0; d < decisions; d++) {
                disciplines.add(new Discipline(chance(r, 50) ? "KHIEN_TRACH" : "CANH_CAO", LocalDate.of(2024, 3, 1 + d),
                        "v" + r.nextInt(2), chance(r, 40)));
            }
            m.setDisciplines(disciplines);
        }
        if (chance(r, 30)) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("residenceCommentRequired", !chance(r, 20));
            if (!chance(r, 10)) {
                extra.put("residenceCommentReceived", !chance(r, 10));
            }
            m.setExtra(extra);
        }
        if (!chance(r, 3)) {
            Map<String, String> levels = new LinkedHashMap<>();
            for (String criterion : CRITERIA) {
                if (!chance(r, 3)) {
                    levels.put(criterion, level(r));
                }
            }
            m.setCriterionLevels(levels);
        }
        int assigned = chance(r, 10) ? 0 : 1 + r.nextInt(10);
        int completed = chance(r, 70) ? assigned : r.nextInt(assigned + 1);
        m.setTargetsAssigned(assigned);
        m.setTargetsCompleted(completed);
        m.setTargetsOnTime(chance(r, 80) ? completed : r.nextInt(completed + 1));
        m.setTargetsExceeded(r.nextInt(completed + 1));
        m.setKeyTargetsMissed(chance(r, 30));
        m.setForceMajeure(chance(r, 5));
        m.setLeader(chance(r, 15));
        if (m.isLeader()) {
            int led = chance(r, 10) ? 0 : 1 + r.nextInt(20);
            m.setLedOrganizationId("cb" + chapter);
            m.setLedUnitTargetsAssigned(led);
            m.setLedUnitTargetsCompleted(chance(r, 80) ? led : r.nextInt(led + 1));
        }
        m.setDegradationConcluded(chance(r, 1));
        m.setProhibitedActsViolation(chance(r, 1));
        m.setExampleDutyViolation(chance(r, 1));
        m.setExemplary(chance(r, 35));
        m.setConsecutiveAbsences(chance(r, 85) ? 0 : r.nextInt(6));
        m.setUnexcusedAbsences(chance(r, 90) ? 0 : r.nextInt(3));
        if (chance(r, 70)) {
            m.setCommitmentItems(1 + r.nextInt(10));
            m.setCommitmentItemsFulfilled(chance(r, 60) ? m.getCommitmentItems() : r.nextInt(m.getCommitmentItems() + 1));
        }
        return m;
    }

    /** Excellent and good levels more often than poor, so every level of the scale is reached. */
    private static String level(SplittableRandom r) {
        int draw = r.nextInt(100);
        return draw < 40 ? LEVELS[0] : draw < 80 ? LEVELS[1] : draw < 95 ? LEVELS[2] : LEVELS[3];
    }

    private static boolean chance(SplittableRandom r, int percent) {
        return r.nextInt(100) < percent;
    }
}
