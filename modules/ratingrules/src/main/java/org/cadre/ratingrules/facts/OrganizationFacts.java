package org.cadre.ratingrules.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What is known of one party organization (or its leadership collective) in the evaluation year: the input of
 * organization rules. The proposed levels of its members and subordinate organizations are filled in by the
 * engine, which rates members first, then chapters, then grassroots organizations.
 */
public class OrganizationFacts extends SubjectFacts {

    private String parentId;
    private String grassrootsOrganizationId;
    private String kind;
    private int monthsSinceEstablished;
    private boolean actionProgrammeAdopted;
    private boolean committeeSigned;
    private boolean agencyHeadSigned;
    private int regulationReviews;
    private double studyCompletionRate;
    private int meetingsHeld;
    private int meetingsRequired;
    private boolean leadershipDisciplined;
    private List<String> leadershipMemberDisciplineForms = new ArrayList<>();
    private int subordinateUnits;
    private int subordinateUnitsDisciplined;
    private boolean corruptionCaseFound;
    private boolean corruptionSelfDetectedAndRemedied;
    private boolean disunityConcluded;
    private boolean memberDegradationConcluded;
    private int targetsLate;
    private String sameLevelGovernmentRating;
    private List<String> massOrganizationRatings = new ArrayList<>();
    private int memberCount = -1;
    private int subOrganizationCount = -1;
    private boolean leadershipDisciplineSelfDetectedAndRemedied;
    private int subordinateUnitsDisciplinedSelfDetected;
    private int leadershipMemberDisciplinesSelfDetected;

    /**
     * How many members the organization has to rate this year (-1 when not given). The engine rates the
     * organization only once as many of its members are rated in the same run; fewer, or any still pending, and
     * the organization is pending with the reason. Not given, the members in the run are taken as all of them,
     * and an organization with neither members nor subordinate organizations in the run is pending.
     */
    public int getMemberCount() {
        return memberCount;
    }

    public void setMemberCount(int memberCount) {
        this.memberCount = memberCount;
    }

    /** How many party organizations are directly under this one (-1 when not given); as {@link #getMemberCount}. */
    public int getSubOrganizationCount() {
        return subOrganizationCount;
    }

    public void setSubOrganizationCount(int subOrganizationCount) {
        this.subOrganizationCount = subOrganizationCount;
    }

    /** The leadership collective's own discipline was a case it found itself and whose harm it fully remedied. */
    public boolean isLeadershipDisciplineSelfDetectedAndRemedied() {
        return leadershipDisciplineSelfDetectedAndRemedied;
    }

    public void setLeadershipDisciplineSelfDetectedAndRemedied(boolean value) {
        this.leadershipDisciplineSelfDetectedAndRemedied = value;
    }

    /** Of the subordinate units disciplined, how many were cases the collective found itself and remedied. */
    public int getSubordinateUnitsDisciplinedSelfDetected() {
        return subordinateUnitsDisciplinedSelfDetected;
    }

    public void setSubordinateUnitsDisciplinedSelfDetected(int count) {
        this.subordinateUnitsDisciplinedSelfDetected = count;
    }

    /** Subordinate units disciplined for a case the collective did not find and remedy itself. */
    public int getSubordinateUnitsDisciplinedNotSelfDetected() {
        return Math.max(0, subordinateUnitsDisciplined - subordinateUnitsDisciplinedSelfDetected);
    }

    /** Of the leadership members' disciplines, how many were cases found and remedied by the collective itself. */
    public int getLeadershipMemberDisciplinesSelfDetected() {
        return leadershipMemberDisciplinesSelfDetected;
    }

    public void setLeadershipMemberDisciplinesSelfDetected(int count) {
        this.leadershipMemberDisciplinesSelfDetected = count;
    }

    /** Leadership members disciplined for a case the collective did not find and remedy itself. */
    public int getLeadershipMemberDisciplinesNotSelfDetected() {
        return Math.max(0, leadershipMemberDisciplineForms.size() - leadershipMemberDisciplinesSelfDetected);
    }

    /** The leadership collective was disciplined for a case it did not find and remedy itself. */
    public boolean isLeadershipDisciplinedNotSelfDetected() {
        return leadershipDisciplined && !leadershipDisciplineSelfDetectedAndRemedied;
    }

    @Override
    public OrganizationFacts copy() {
        OrganizationFacts copy = (OrganizationFacts) super.copy();
        copy.leadershipMemberDisciplineForms = new ArrayList<>(leadershipMemberDisciplineForms);
        copy.massOrganizationRatings = new ArrayList<>(massOrganizationRatings);
        copy.memberLevelCounts = new java.util.HashMap<>(memberLevelCounts);
        copy.subOrganizationLevelCounts = new java.util.HashMap<>(subOrganizationLevelCounts);
        return copy;
    }

    /** The organization directly above. */
    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    /** The grassroots organization this one is or belongs to. */
    public String getGrassrootsOrganizationId() {
        return grassrootsOrganizationId;
    }

    public void setGrassrootsOrganizationId(String grassrootsOrganizationId) {
        this.grassrootsOrganizationId = grassrootsOrganizationId;
    }

    /** The kind: BLOC_COMMITTEE, GRASSROOTS_COMMITTEE, GRASSROOTS_CHAPTER, SUB_COMMITTEE or CHAPTER. */
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    /** Whole months from establishment to the end of the evaluation year. */
    public int getMonthsSinceEstablished() {
        return monthsSinceEstablished;
    }

    public void setMonthsSinceEstablished(int monthsSinceEstablished) {
        this.monthsSinceEstablished = monthsSinceEstablished;
    }

    /** Adopted its action programme for the resolution. */
    public boolean isActionProgrammeAdopted() {
        return actionProgrammeAdopted;
    }

    public void setActionProgrammeAdopted(boolean actionProgrammeAdopted) {
        this.actionProgrammeAdopted = actionProgrammeAdopted;
    }

    /** The action programme is signed by the party committee. */
    public boolean isCommitteeSigned() {
        return committeeSigned;
    }

    public void setCommitteeSigned(boolean committeeSigned) {
        this.committeeSigned = committeeSigned;
    }

    /** The action programme is signed by the head of the agency. */
    public boolean isAgencyHeadSigned() {
        return agencyHeadSigned;
    }

    public void setAgencyHeadSigned(boolean agencyHeadSigned) {
        this.agencyHeadSigned = agencyHeadSigned;
    }

    /** Reviews of the agency's regulations and internal rules done in the year. */
    public int getRegulationReviews() {
        return regulationReviews;
    }

    public void setRegulationReviews(int regulationReviews) {
        this.regulationReviews = regulationReviews;
    }

    /** Share of members who completed the study of the year's resolutions (0 to 1). */
    public double getStudyCompletionRate() {
        return studyCompletionRate;
    }

    public void setStudyCompletionRate(double studyCompletionRate) {
        this.studyCompletionRate = studyCompletionRate;
    }

    /** Regular chapter meetings held. */
    public int getMeetingsHeld() {
        return meetingsHeld;
    }

    public void setMeetingsHeld(int meetingsHeld) {
        this.meetingsHeld = meetingsHeld;
    }

    /** Regular chapter meetings required. */
    public int getMeetingsRequired() {
        return meetingsRequired;
    }

    public void setMeetingsRequired(int meetingsRequired) {
        this.meetingsRequired = meetingsRequired;
    }

    /** The leadership collective (committee) itself was disciplined. */
    public boolean isLeadershipDisciplined() {
        return leadershipDisciplined;
    }

    public void setLeadershipDisciplined(boolean leadershipDisciplined) {
        this.leadershipDisciplined = leadershipDisciplined;
    }

    /** Forms of discipline imposed on members of the leadership collective in the year. */
    public List<String> getLeadershipMemberDisciplineForms() {
        return leadershipMemberDisciplineForms;
    }

    public void setLeadershipMemberDisciplineForms(List<String> leadershipMemberDisciplineForms) {
        this.leadershipMemberDisciplineForms = leadershipMemberDisciplineForms == null ? new ArrayList<>() : new ArrayList<>(leadershipMemberDisciplineForms);
    }

    /** Directly subordinate organizations. */
    public int getSubordinateUnits() {
        return subordinateUnits;
    }

    public void setSubordinateUnits(int subordinateUnits) {
        this.subordinateUnits = subordinateUnits;
    }

    /** Of those, disciplined in the year. */
    public int getSubordinateUnitsDisciplined() {
        return subordinateUnitsDisciplined;
    }

    public void setSubordinateUnitsDisciplined(int subordinateUnitsDisciplined) {
        this.subordinateUnitsDisciplined = subordinateUnitsDisciplined;
    }

    /** A corruption or negative case was found in the organization or its subordinates. */
    public boolean isCorruptionCaseFound() {
        return corruptionCaseFound;
    }

    public void setCorruptionCaseFound(boolean corruptionCaseFound) {
        this.corruptionCaseFound = corruptionCaseFound;
    }

    /** The organization found that case and handled it itself. */
    public boolean isCorruptionSelfDetectedAndRemedied() {
        return corruptionSelfDetectedAndRemedied;
    }

    public void setCorruptionSelfDetectedAndRemedied(boolean corruptionSelfDetectedAndRemedied) {
        this.corruptionSelfDetectedAndRemedied = corruptionSelfDetectedAndRemedied;
    }

    /** Concluded to be internally disunited. */
    public boolean isDisunityConcluded() {
        return disunityConcluded;
    }

    public void setDisunityConcluded(boolean disunityConcluded) {
        this.disunityConcluded = disunityConcluded;
    }

    /** Concluded to have members degraded in ideology, ethics or lifestyle. */
    public boolean isMemberDegradationConcluded() {
        return memberDegradationConcluded;
    }

    public void setMemberDegradationConcluded(boolean memberDegradationConcluded) {
        this.memberDegradationConcluded = memberDegradationConcluded;
    }

    /** Targets completed late. */
    public int getTargetsLate() {
        return targetsLate;
    }

    public void setTargetsLate(int targetsLate) {
        this.targetsLate = targetsLate;
    }

    /** Rating of the agency or government at the same level (a level code), or null. */
    public String getSameLevelGovernmentRating() {
        return sameLevelGovernmentRating;
    }

    public void setSameLevelGovernmentRating(String sameLevelGovernmentRating) {
        this.sameLevelGovernmentRating = sameLevelGovernmentRating;
    }

    /** Ratings of the Front and mass organizations at the same level (level codes). */
    public List<String> getMassOrganizationRatings() {
        return massOrganizationRatings;
    }

    public void setMassOrganizationRatings(List<String> massOrganizationRatings) {
        this.massOrganizationRatings = massOrganizationRatings == null ? new ArrayList<>() : new ArrayList<>(massOrganizationRatings);
    }

    private java.util.Map<String, Integer> memberLevelCounts = new java.util.HashMap<>();
    private java.util.Map<String, Integer> subOrganizationLevelCounts = new java.util.HashMap<>();

    /** Proposed levels of the members directly in this organization, counted by level code (excluded members are not counted). */
    public java.util.Map<String, Integer> getMemberLevelCounts() {
        return memberLevelCounts;
    }

    public void setMemberLevelCounts(java.util.Map<String, Integer> counts) {
        this.memberLevelCounts = counts == null ? new java.util.HashMap<>() : new java.util.HashMap<>(counts);
    }

    /** Proposed levels of the directly subordinate organizations, counted by level code. */
    public java.util.Map<String, Integer> getSubOrganizationLevelCounts() {
        return subOrganizationLevelCounts;
    }

    public void setSubOrganizationLevelCounts(java.util.Map<String, Integer> counts) {
        this.subOrganizationLevelCounts = counts == null ? new java.util.HashMap<>() : new java.util.HashMap<>(counts);
    }

    /** Members with a proposed level. */
    public int getRatedMembers() {
        return memberLevelCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Subordinate organizations with a proposed level. */
    public int getRatedSubOrganizations() {
        return subOrganizationLevelCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Share of rated members whose level is one of the given codes (comma-separated); 1.0 when none is rated. */
    public double memberShareIn(String levels) {
        return share(memberLevelCounts, levels);
    }

    /** Share of rated subordinate organizations whose level is one of the given codes; 1.0 when none is rated. */
    public double subOrganizationShareIn(String levels) {
        return share(subOrganizationLevelCounts, levels);
    }

    /** Number of rated members whose level is one of the given codes. */
    public int membersIn(String levels) {
        Set<String> wanted = codes(levels);
        return memberLevelCounts.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .mapToInt(java.util.Map.Entry::getValue).sum();
    }

    /** Number of rated subordinate organizations whose level is one of the given codes. */
    public int subOrganizationsIn(String levels) {
        Set<String> wanted = codes(levels);
        return subOrganizationLevelCounts.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .mapToInt(java.util.Map.Entry::getValue).sum();
    }

    /** The action programme is adopted and signed by both the committee and the agency head. */
    public boolean isActionProgrammeCoSigned() {
        return actionProgrammeAdopted && committeeSigned && agencyHeadSigned;
    }

    /** meetings held / required, 1.0 when none were required. */
    public double getMeetingRatio() {
        return ratio(meetingsHeld, meetingsRequired);
    }

    /** subordinate units disciplined / subordinate units, 0.0 when there are none. */
    public double getSubordinateDisciplinedRatio() {
        return subordinateUnits == 0 ? 0.0 : (double) subordinateUnitsDisciplined / subordinateUnits;
    }

    /** late / assigned, 0.0 when nothing was assigned. */
    public double getLateRatio() {
        return getTargetsAssigned() == 0 ? 0.0 : (double) targetsLate / getTargetsAssigned();
    }

    /** Whether any leadership member's discipline has one of the given forms (comma-separated). */
    public boolean leadershipDisciplineFormIn(String forms) {
        Set<String> wanted = codes(forms);
        return leadershipMemberDisciplineForms.stream().anyMatch(wanted::contains);
    }

    /** Whether every same-level Front and mass organization rating is one of the given codes (true when none). */
    public boolean massOrganizationsAllIn(String levels) {
        Set<String> wanted = codes(levels);
        return massOrganizationRatings.stream().allMatch(wanted::contains);
    }

    /** How many same-level Front and mass organizations have one of the given ratings. */
    public int massOrganizationsIn(String levels) {
        Set<String> wanted = codes(levels);
        return (int) massOrganizationRatings.stream().filter(wanted::contains).count();
    }

    private static double share(java.util.Map<String, Integer> counts, String levels) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 1.0;
        }
        Set<String> wanted = codes(levels);
        int matching = counts.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .mapToInt(java.util.Map.Entry::getValue).sum();
        return (double) matching / total;
    }

}
