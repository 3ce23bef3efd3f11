package org.cadre.ratingrules.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What is known of one party member in the evaluation year: the input of member rules. Rules read these facts
 * and never change them; they write to the member's {@link Proposal}. Counts default to 0 and flags to false,
 * so a scenario states only what matters to it.
 */
public class MemberFacts extends SubjectFacts {

    private String organizationId;
    private String grassrootsOrganizationId;
    private boolean probationary;
    private int monthsSinceAdmission;
    private boolean exempt;
    private boolean suspended;
    private boolean committeeSuspendedOnly;
    private boolean worksInPoliticalSystem = true;
    private boolean civilServant;
    private String civilServiceRating;
    private List<Discipline> disciplines = new ArrayList<>();
    private int commitmentItems;
    private int commitmentItemsFulfilled;
    private boolean studyCompleted;
    private int meetingsRequired;
    private int meetingsAttended;
    private int consecutiveAbsences;
    private int unexcusedAbsences;
    private int reminders;
    private int findingsOpen;
    private int findingsResolved;
    private String selfAssessedLevel;
    private boolean selfReviewSubmitted;
    private double sickLeaveMonths;
    private boolean leader;
    private String ledOrganizationId;
    private int ledUnitTargetsAssigned;
    private int ledUnitTargetsCompleted;
    private int ledUnitTargetsExceeded;
    private int shortcomingsIdentified;
    private int shortcomingsRemedied;
    private boolean degradationConcluded;
    private boolean prohibitedActsViolation;
    private boolean exampleDutyViolation;
    private boolean exemplary;

    @Override
    public MemberFacts copy() {
        MemberFacts copy = (MemberFacts) super.copy();
        copy.disciplines = new ArrayList<>(disciplines);
        return copy;
    }

    /** The organization (chapter) the member belongs to. */
    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    /** The grassroots organization above the chapter: the quota group for members. */
    public String getGrassrootsOrganizationId() {
        return grassrootsOrganizationId;
    }

    public void setGrassrootsOrganizationId(String grassrootsOrganizationId) {
        this.grassrootsOrganizationId = grassrootsOrganizationId;
    }

    /** Still a probationary member (not yet confirmed). */
    public boolean isProbationary() {
        return probationary;
    }

    public void setProbationary(boolean probationary) {
        this.probationary = probationary;
    }

    /** Whole months from admission to the end of the evaluation year. */
    public int getMonthsSinceAdmission() {
        return monthsSinceAdmission;
    }

    public void setMonthsSinceAdmission(int monthsSinceAdmission) {
        this.monthsSinceAdmission = monthsSinceAdmission;
    }

    /** Exempt from party work and activities (for age or health). */
    public boolean isExempt() {
        return exempt;
    }

    public void setExempt(boolean exempt) {
        this.exempt = exempt;
    }

    /** Suspended from party activities. */
    public boolean isSuspended() {
        return suspended;
    }

    public void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }

    /** A committee member suspended from committee work only (still evaluated). */
    public boolean isCommitteeSuspendedOnly() {
        return committeeSuspendedOnly;
    }

    public void setCommitteeSuspendedOnly(boolean committeeSuspendedOnly) {
        this.committeeSuspendedOnly = committeeSuspendedOnly;
    }

    /** Works in the political system (false: a member outside it, with a criteria set of its own). */
    public boolean isWorksInPoliticalSystem() {
        return worksInPoliticalSystem;
    }

    public void setWorksInPoliticalSystem(boolean worksInPoliticalSystem) {
        this.worksInPoliticalSystem = worksInPoliticalSystem;
    }

    /** A cadre, civil servant or public employee, rated by the state first. */
    public boolean isCivilServant() {
        return civilServant;
    }

    public void setCivilServant(boolean civilServant) {
        this.civilServant = civilServant;
    }

    /** The civil-service rating of the year as a level code of the pack's scale, or null while missing. */
    public String getCivilServiceRating() {
        return civilServiceRating;
    }

    public void setCivilServiceRating(String civilServiceRating) {
        this.civilServiceRating = civilServiceRating;
    }

    /** Disciplinary measures that took effect in the year. */
    public List<Discipline> getDisciplines() {
        return disciplines;
    }

    public void setDisciplines(List<Discipline> disciplines) {
        this.disciplines = disciplines == null ? new ArrayList<>() : new ArrayList<>(disciplines);
    }

    /** Items in the member's commitment register for the year. */
    public int getCommitmentItems() {
        return commitmentItems;
    }

    public void setCommitmentItems(int commitmentItems) {
        this.commitmentItems = commitmentItems;
    }

    /** Commitment items fulfilled. */
    public int getCommitmentItemsFulfilled() {
        return commitmentItemsFulfilled;
    }

    public void setCommitmentItemsFulfilled(int commitmentItemsFulfilled) {
        this.commitmentItemsFulfilled = commitmentItemsFulfilled;
    }

    /** Completed the study of the year's resolutions. */
    public boolean isStudyCompleted() {
        return studyCompleted;
    }

    public void setStudyCompleted(boolean studyCompleted) {
        this.studyCompleted = studyCompleted;
    }

    /** Chapter meetings the member had to attend. */
    public int getMeetingsRequired() {
        return meetingsRequired;
    }

    public void setMeetingsRequired(int meetingsRequired) {
        this.meetingsRequired = meetingsRequired;
    }

    /** Chapter meetings attended. */
    public int getMeetingsAttended() {
        return meetingsAttended;
    }

    public void setMeetingsAttended(int meetingsAttended) {
        this.meetingsAttended = meetingsAttended;
    }

    /** The longest run of consecutive absences (with or without reason). */
    public int getConsecutiveAbsences() {
        return consecutiveAbsences;
    }

    public void setConsecutiveAbsences(int consecutiveAbsences) {
        this.consecutiveAbsences = consecutiveAbsences;
    }

    /** Absences without a reason. */
    public int getUnexcusedAbsences() {
        return unexcusedAbsences;
    }

    public void setUnexcusedAbsences(int unexcusedAbsences) {
        this.unexcusedAbsences = unexcusedAbsences;
    }

    /** Times the chapter reminded the member in the year. */
    public int getReminders() {
        return reminders;
    }

    public void setReminders(int reminders) {
        this.reminders = reminders;
    }

    /** Inspection or supervision findings on the member still open at year end. */
    public int getFindingsOpen() {
        return findingsOpen;
    }

    public void setFindingsOpen(int findingsOpen) {
        this.findingsOpen = findingsOpen;
    }

    /** Findings on the member resolved in the year. */
    public int getFindingsResolved() {
        return findingsResolved;
    }

    public void setFindingsResolved(int findingsResolved) {
        this.findingsResolved = findingsResolved;
    }

    /** The level the member proposed in the self-assessment (a level code), or null. */
    public String getSelfAssessedLevel() {
        return selfAssessedLevel;
    }

    public void setSelfAssessedLevel(String selfAssessedLevel) {
        this.selfAssessedLevel = selfAssessedLevel;
    }

    /** The member submitted the year's self-review. */
    public boolean isSelfReviewSubmitted() {
        return selfReviewSubmitted;
    }

    public void setSelfReviewSubmitted(boolean selfReviewSubmitted) {
        this.selfReviewSubmitted = selfReviewSubmitted;
    }

    /** Months of sick leave in the year. */
    public double getSickLeaveMonths() {
        return sickLeaveMonths;
    }

    public void setSickLeaveMonths(double sickLeaveMonths) {
        this.sickLeaveMonths = sickLeaveMonths;
    }

    /** Heads an organization, agency or unit. */
    public boolean isLeader() {
        return leader;
    }

    public void setLeader(boolean leader) {
        this.leader = leader;
    }

    /** The organization or unit the member leads, if a leader. */
    public String getLedOrganizationId() {
        return ledOrganizationId;
    }

    public void setLedOrganizationId(String ledOrganizationId) {
        this.ledOrganizationId = ledOrganizationId;
    }

    /** Targets of the led unit in the year (for a leader). */
    public int getLedUnitTargetsAssigned() {
        return ledUnitTargetsAssigned;
    }

    public void setLedUnitTargetsAssigned(int ledUnitTargetsAssigned) {
        this.ledUnitTargetsAssigned = ledUnitTargetsAssigned;
    }

    /** Targets of the led unit completed. */
    public int getLedUnitTargetsCompleted() {
        return ledUnitTargetsCompleted;
    }

    public void setLedUnitTargetsCompleted(int ledUnitTargetsCompleted) {
        this.ledUnitTargetsCompleted = ledUnitTargetsCompleted;
    }

    /** Targets of the led unit exceeded. */
    public int getLedUnitTargetsExceeded() {
        return ledUnitTargetsExceeded;
    }

    public void setLedUnitTargetsExceeded(int ledUnitTargetsExceeded) {
        this.ledUnitTargetsExceeded = ledUnitTargetsExceeded;
    }

    /** Shortcomings pointed out in earlier reviews. */
    public int getShortcomingsIdentified() {
        return shortcomingsIdentified;
    }

    public void setShortcomingsIdentified(int shortcomingsIdentified) {
        this.shortcomingsIdentified = shortcomingsIdentified;
    }

    /** Of those, remedied. */
    public int getShortcomingsRemedied() {
        return shortcomingsRemedied;
    }

    public void setShortcomingsRemedied(int shortcomingsRemedied) {
        this.shortcomingsRemedied = shortcomingsRemedied;
    }

    /** Concluded to have degraded in political ideology, ethics or lifestyle. */
    public boolean isDegradationConcluded() {
        return degradationConcluded;
    }

    public void setDegradationConcluded(boolean degradationConcluded) {
        this.degradationConcluded = degradationConcluded;
    }

    /** Violated what party members must not do. */
    public boolean isProhibitedActsViolation() {
        return prohibitedActsViolation;
    }

    public void setProhibitedActsViolation(boolean prohibitedActsViolation) {
        this.prohibitedActsViolation = prohibitedActsViolation;
    }

    /** Violated the duty to set an example. */
    public boolean isExampleDutyViolation() {
        return exampleDutyViolation;
    }

    public void setExampleDutyViolation(boolean exampleDutyViolation) {
        this.exampleDutyViolation = exampleDutyViolation;
    }

    /** The committee judges the member a model for others (a judgement some regimes ask for). */
    public boolean isExemplary() {
        return exemplary;
    }

    public void setExemplary(boolean exemplary) {
        this.exemplary = exemplary;
    }

    /** commitment items fulfilled / items, 1.0 when there are none. */
    public double getCommitmentRatio() {
        return ratio(commitmentItemsFulfilled, commitmentItems);
    }

    /** meetings attended / required, 1.0 when none were required. */
    public double getAttendanceRatio() {
        return ratio(meetingsAttended, meetingsRequired);
    }

    /** Distinct violations disciplined in the year: several decisions for one violation count once. */
    public int getDisciplinedViolations() {
        return (int) disciplines.stream().map(d -> d.violationId() == null ? d.toString() : d.violationId())
                .distinct().count();
    }

    /** Distinct violations disciplined in the year that the member did not find and remedy themselves. */
    public int getUnremediedViolations() {
        return (int) disciplines.stream().filter(d -> !d.selfDetectedAndRemedied())
                .map(d -> d.violationId() == null ? d.toString() : d.violationId()).distinct().count();
    }

    /** Whether any discipline of the year has one of the given forms (comma-separated). */
    public boolean disciplineFormIn(String forms) {
        Set<String> wanted = codes(forms);
        return disciplines.stream().anyMatch(d -> wanted.contains(d.form()));
    }

    /** Led unit: completed / assigned, 1.0 when nothing was assigned. */
    public double getLedUnitCompletionRatio() {
        return ratio(ledUnitTargetsCompleted, ledUnitTargetsAssigned);
    }

    /** Led unit: exceeded / assigned, 0.0 when nothing was assigned. */
    public double getLedUnitExceededRatio() {
        return ledUnitTargetsAssigned == 0 ? 0.0 : (double) ledUnitTargetsExceeded / ledUnitTargetsAssigned;
    }

    /** shortcomings remedied / identified, 1.0 when none were identified. */
    public double getShortcomingsRemediedRatio() {
        return ratio(shortcomingsRemedied, shortcomingsIdentified);
    }

}
