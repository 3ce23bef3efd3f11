package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.LEVEL_NOT_IN_SCALE;
import static org.cadre.evaluation.EvaluationRefusal.SELF_ASSESSMENT_DEADLINE_PASSED;
import static org.cadre.evaluation.EvaluationRefusal.SELF_ASSESSMENT_INCOMPLETE;
import static org.cadre.evaluation.EvaluationRefusal.SELF_ASSESSMENT_NOT_SUBMITTED;
import static org.cadre.evaluation.EvaluationRefusal.SELF_ASSESSMENT_SUBMITTED;
import static org.cadre.evaluation.EvaluationRefusal.SELF_ASSESSMENT_TOO_LONG;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.SelfAssessmentReturned;
import org.cadre.evaluation.SelfAssessmentStatus;
import org.cadre.evaluation.SelfAssessmentSubmitted;
import org.cadre.evaluation.SelfReview;
import org.cadre.platform.Refused;

/**
 * A member's self-assessment of one cycle: the review under the regulation's headings and the level they propose.
 * The member saves drafts and then submits it; a submitted one is the chapter's and does not change, unless the
 * chapter sends it back with a reason (then it is a draft again and the member submits again). Every
 * change needs the cycle open and the deadline (the last day, in the committee's time zone) not passed; a refused
 * change leaves the object as it was.
 */
public final class SelfAssessment {

    /**
     * The parts of the review as the form numbers them (1 strengths, 2 shortcomings and causes, 3 remedies, 4 the
     * level); a refusal names the part by its number, the same in every language.
     */
    static final String STRENGTHS = "1";
    static final String SHORTCOMINGS = "2";
    static final String REMEDIES = "3";
    static final String LEVEL = "4";

    /** The longest reason for sending a self-assessment back. */
    public static final int MAX_RETURN_REASON = 2000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final UUID cycle;
    private final UUID member;
    private SelfReview review;
    private SelfAssessmentStatus status;
    private Instant savedAt;
    private Instant submittedAt;
    private Returned returned;

    /** The latest time the chapter sent it back: why, who, when. */
    public record Returned(String reason, String by, Instant at) {
    }

    public SelfAssessment(UUID cycle, UUID member, SelfReview review, SelfAssessmentStatus status, Instant savedAt,
            Instant submittedAt) {
        this(cycle, member, review, status, savedAt, submittedAt, null);
    }

    public SelfAssessment(UUID cycle, UUID member, SelfReview review, SelfAssessmentStatus status, Instant savedAt,
            Instant submittedAt, Returned returned) {
        this.returned = returned;
        this.cycle = cycle;
        this.member = member;
        this.review = review == null ? SelfReview.empty() : review;
        this.status = status;
        this.savedAt = savedAt;
        this.submittedAt = submittedAt;
    }

    /** Nothing written yet. */
    public static SelfAssessment start(UUID cycle, UUID member) {
        return new SelfAssessment(cycle, member, SelfReview.empty(), SelfAssessmentStatus.NOT_STARTED, null, null);
    }

    /**
     * What frames a change: whether the cycle takes changes, its deadline (none: no limit), the moment and the zone
     * the deadline's day is read in, and the codes of the pinned member scale.
     */
    public record Window(boolean cycleOpen, LocalDate deadline, Instant now, ZoneId zone, List<String> scale) {

        public Window {
            scale = List.copyOf(scale);
        }

        boolean deadlinePassed() {
            return deadline != null && LocalDate.ofInstant(now, zone).isAfter(deadline);
        }
    }

    /** Keeps the review as a draft: the texts within their length, a level (if any) of the scale. */
    public void saveDraft(SelfReview written, Window window) {
        SelfReview checked = check(written, window);
        review = checked;
        status = SelfAssessmentStatus.DRAFT;
        savedAt = window.now();
    }

    /** Keeps the review and hands it to the chapter: every heading written and a level chosen. */
    public SelfAssessmentSubmitted submit(SelfReview written, Window window) {
        SelfReview checked = check(written, window);
        if (checked.strengths() == null) {
            throw new Refused(SELF_ASSESSMENT_INCOMPLETE, STRENGTHS);
        }
        if (checked.shortcomings() == null) {
            throw new Refused(SELF_ASSESSMENT_INCOMPLETE, SHORTCOMINGS);
        }
        if (checked.remedies() == null) {
            throw new Refused(SELF_ASSESSMENT_INCOMPLETE, REMEDIES);
        }
        if (checked.level() == null) {
            throw new Refused(SELF_ASSESSMENT_INCOMPLETE, LEVEL);
        }
        review = checked;
        status = SelfAssessmentStatus.SUBMITTED;
        savedAt = window.now();
        submittedAt = window.now();
        return new SelfAssessmentSubmitted(cycle, member, checked.level(), submittedAt);
    }

    /**
     * The chapter sends a submitted self-assessment back to the member, saying why: it becomes a draft again (its
     * text kept for the member to rework) and the member may submit again while the cycle is open.
     */
    public SelfAssessmentReturned sendBack(String reason, boolean cycleOpen, String by, Instant at) {
        if (!cycleOpen) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (status != SelfAssessmentStatus.SUBMITTED) {
            throw new Refused(SELF_ASSESSMENT_NOT_SUBMITTED);
        }
        String why = TextFields.requiredReason(reason, MAX_RETURN_REASON);
        status = SelfAssessmentStatus.DRAFT;
        submittedAt = null;
        returned = new Returned(why, by, at);
        return new SelfAssessmentReturned(cycle, member, why, by, at);
    }

    /** Whether the member may still change it in this window. */
    public boolean editable(Window window) {
        return window.cycleOpen() && status != SelfAssessmentStatus.SUBMITTED && !window.deadlinePassed();
    }

    /** The chapter may remind a member who has not submitted, while the cycle is open. */
    public void checkMayRemind(boolean cycleOpen) {
        if (!cycleOpen) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (status == SelfAssessmentStatus.SUBMITTED) {
            throw new Refused(SELF_ASSESSMENT_SUBMITTED);
        }
    }

    private SelfReview check(SelfReview written, Window window) {
        if (!window.cycleOpen()) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (status == SelfAssessmentStatus.SUBMITTED) {
            throw new Refused(SELF_ASSESSMENT_SUBMITTED);
        }
        if (window.deadlinePassed()) {
            throw new Refused(SELF_ASSESSMENT_DEADLINE_PASSED, DAY.format(window.deadline()));
        }
        SelfReview given = written == null ? SelfReview.empty() : written;
        String level = TextFields.blankToNull(given.level());
        if (level != null && !window.scale().contains(level)) {
            throw new Refused(LEVEL_NOT_IN_SCALE, level, String.join(", ", window.scale()));
        }
        return new SelfReview(text(STRENGTHS, given.strengths()), text(SHORTCOMINGS, given.shortcomings()),
                text(REMEDIES, given.remedies()), level);
    }

    private static String text(String heading, String value) {
        return TextFields.optional(value, SelfReview.MAX_TEXT, SELF_ASSESSMENT_TOO_LONG, heading,
                String.valueOf(SelfReview.MAX_TEXT));
    }

    public UUID cycle() {
        return cycle;
    }

    public UUID member() {
        return member;
    }

    public SelfReview review() {
        return review;
    }

    public SelfAssessmentStatus status() {
        return status;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** The latest return to the member, if the chapter sent it back. */
    public Optional<Returned> returned() {
        return Optional.ofNullable(returned);
    }
}
