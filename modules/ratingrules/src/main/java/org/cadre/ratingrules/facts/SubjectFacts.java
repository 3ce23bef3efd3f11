package org.cadre.ratingrules.facts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What members and organizations have in common: identity, the year, task targets, per-criterion ratings and
 * scores entered by the chapter, comments of coordinating bodies, and extra criteria by name.
 * Ratios of an empty base are 1.0 (nothing was assigned, nothing was missed).
 */
public abstract class SubjectFacts implements Cloneable {

    private String subjectId;
    private int year;
    private String peerGroup;
    private int targetsAssigned;
    private int targetsCompleted;
    private int targetsExceeded;
    private int targetsOnTime;
    private boolean keyTargetsMissed;
    private boolean forceMajeure;
    private Map<String, String> criterionLevels = new LinkedHashMap<>();
    private Map<String, Double> criterionScores = new LinkedHashMap<>();
    private Map<String, String> criterionGroups = new HashMap<>();
    private Double scoreGeneral;
    private Double scoreTask;
    private Map<String, Integer> commentsByStance = new HashMap<>();
    private Map<String, Object> extra = new HashMap<>();

    /**
     * A copy for the engine to work on, so that the facts a caller gives stay as given: values and the
     * collections' contents are copied, the entries themselves (strings, numbers, immutable records) shared.
     */
    public SubjectFacts copy() {
        try {
            SubjectFacts copy = (SubjectFacts) super.clone();
            copy.criterionLevels = new LinkedHashMap<>(criterionLevels);
            copy.criterionScores = new LinkedHashMap<>(criterionScores);
            copy.criterionGroups = new HashMap<>(criterionGroups);
            copy.commentsByStance = new HashMap<>(commentsByStance);
            copy.extra = new HashMap<>(extra);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The member's or organization's id. */
    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    /**
     * A group of subjects with similar functions or roles, for quotas between peers ({@code per: PEER_GROUP});
     * without one, a member is grouped with its grassroots organization and an organization with its parent.
     */
    public String getPeerGroup() {
        return peerGroup;
    }

    public void setPeerGroup(String peerGroup) {
        this.peerGroup = peerGroup;
    }

    /** The evaluation year. */
    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public int getTargetsAssigned() {
        return targetsAssigned;
    }

    public void setTargetsAssigned(int targetsAssigned) {
        this.targetsAssigned = targetsAssigned;
    }

    public int getTargetsCompleted() {
        return targetsCompleted;
    }

    public void setTargetsCompleted(int targetsCompleted) {
        this.targetsCompleted = targetsCompleted;
    }

    public int getTargetsExceeded() {
        return targetsExceeded;
    }

    public void setTargetsExceeded(int targetsExceeded) {
        this.targetsExceeded = targetsExceeded;
    }

    /** Targets completed on time (and with the required quality). */
    public int getTargetsOnTime() {
        return targetsOnTime;
    }

    public void setTargetsOnTime(int targetsOnTime) {
        this.targetsOnTime = targetsOnTime;
    }

    /** Key (core) targets were not met. */
    public boolean isKeyTargetsMissed() {
        return keyTargetsMissed;
    }

    public void setKeyTargetsMissed(boolean keyTargetsMissed) {
        this.keyTargetsMissed = keyTargetsMissed;
    }

    /** Targets were missed for reasons beyond control (natural disaster, epidemic...). */
    public boolean isForceMajeure() {
        return forceMajeure;
    }

    public void setForceMajeure(boolean forceMajeure) {
        this.forceMajeure = forceMajeure;
    }

    /** completed / assigned, 1.0 when nothing was assigned. */
    public double getCompletionRatio() {
        return ratio(targetsCompleted, targetsAssigned);
    }

    /** exceeded / assigned, 0.0 when nothing was assigned. */
    public double getExceededRatio() {
        return targetsAssigned == 0 ? 0.0 : (double) targetsExceeded / targetsAssigned;
    }

    /** on time / assigned, 1.0 when nothing was assigned. */
    public double getOnTimeRatio() {
        return ratio(targetsOnTime, targetsAssigned);
    }

    /** Per-criterion levels entered by the chapter, by criterion id (codes from the pack's criterion scale). */
    public Map<String, String> getCriterionLevels() {
        return criterionLevels;
    }

    public void setCriterionLevels(Map<String, String> criterionLevels) {
        this.criterionLevels = criterionLevels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(criterionLevels);
    }

    /** Per-criterion scores entered by the chapter, by criterion id. */
    public Map<String, Double> getCriterionScores() {
        return criterionScores;
    }

    public void setCriterionScores(Map<String, Double> criterionScores) {
        this.criterionScores = criterionScores == null ? new LinkedHashMap<>() : new LinkedHashMap<>(criterionScores);
    }

    /** The group of each criterion (for example {@code TASK_RESULT}), filled by the engine from the pack's criteria. */
    public Map<String, String> getCriterionGroups() {
        return criterionGroups;
    }

    public void setCriterionGroups(Map<String, String> criterionGroups) {
        this.criterionGroups = criterionGroups == null ? new HashMap<>() : new HashMap<>(criterionGroups);
    }

    /** The level entered for one criterion, or {@code null}. */
    public String criterionLevel(String criterion) {
        return criterionLevels.get(criterion);
    }

    /**
     * Whether every rated criterion of a group has one of the given levels. {@code group} {@code "*"} means all
     * criteria; {@code levels} is a comma-separated list, for example {@code "XUAT_SAC,TOT"}. False when the group
     * has no rated criterion.
     */
    public boolean criteriaAllIn(String group, String levels) {
        boolean any = false;
        for (Map.Entry<String, String> criterion : criterionLevels.entrySet()) {
            if (inGroup(criterion.getKey(), group)) {
                if (!listed(levels, criterion.getValue())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Whether any rated criterion of a group ({@code "*"}: all) has one of the given levels. */
    public boolean anyCriterionIn(String group, String levels) {
        for (Map.Entry<String, String> criterion : criterionLevels.entrySet()) {
            if (inGroup(criterion.getKey(), group) && listed(levels, criterion.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** How many criteria have been rated in a group ({@code "*"}: all). */
    public int ratedCriteria(String group) {
        int rated = 0;
        for (String criterion : criterionLevels.keySet()) {
            if (inGroup(criterion, group)) {
                rated++;
            }
        }
        return rated;
    }

    // The three above run several times for every member in the rules' conditions: plain loops, with no set or list
    // built per call (splitting the level list each time was 17 % of a run's samples in the QĐ 124 baseline profile).

    private boolean inGroup(String criterion, String group) {
        return "*".equals(group) || group.equals(criterionGroups.get(criterion));
    }

    /** Whether {@code code} is one of the comma-separated entries of {@code levels} (as {@link #codes} reads them). */
    static boolean listed(String levels, String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        int start = 0;
        while (start <= levels.length()) {
            int comma = levels.indexOf(',', start);
            int end = comma < 0 ? levels.length() : comma;
            int from = start;
            int to = end;
            while (from < to && levels.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && levels.charAt(to - 1) <= ' ') {
                to--;
            }
            if (to - from == code.length() && levels.regionMatches(from, code, 0, code.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Score of the general criteria group, if the regime scores (for example 0 to 30). */
    public Double getScoreGeneral() {
        return scoreGeneral;
    }

    public void setScoreGeneral(Double scoreGeneral) {
        this.scoreGeneral = scoreGeneral;
    }

    /** Score of the task-result criteria group, if the regime scores (for example 0 to 70). */
    public Double getScoreTask() {
        return scoreTask;
    }

    public void setScoreTask(Double scoreTask) {
        this.scoreTask = scoreTask;
    }

    /** General plus task score; 0 when neither was entered. */
    public double getScore() {
        return (scoreGeneral == null ? 0 : scoreGeneral) + (scoreTask == null ? 0 : scoreTask);
    }

    /** Whether any score was entered (scored regimes need one). */
    public boolean isScored() {
        return scoreGeneral != null || scoreTask != null;
    }

    /** Comments of coordinating bodies on this subject in the year, counted by stance (for example NEGATIVE). */
    public Map<String, Integer> getCommentsByStance() {
        return commentsByStance;
    }

    public void setCommentsByStance(Map<String, Integer> commentsByStance) {
        this.commentsByStance = commentsByStance == null ? new HashMap<>() : new HashMap<>(commentsByStance);
    }

    public int comments(String stance) {
        return commentsByStance.getOrDefault(stance, 0);
    }

    /** Extra criteria by name, so a pack can use a new input with no change to Java. */
    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, Object> extra) {
        this.extra = extra == null ? new HashMap<>() : new HashMap<>(extra);
    }

    /** An extra criterion as a number (0 when absent or not a number). */
    public double extraNumber(String name) {
        Object value = extra.get(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** An extra criterion as a flag (false when absent). */
    public boolean extraFlag(String name) {
        Object value = extra.get(name);
        return value instanceof Boolean flag ? flag : value != null && "true".equalsIgnoreCase(value.toString());
    }

    /** An extra criterion as text ({@code null} when absent). */
    public String extraText(String name) {
        Object value = extra.get(name);
        return value == null ? null : value.toString();
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    static Set<String> codes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
