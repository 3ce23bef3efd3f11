package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.LEVEL_NOT_IN_SCALE;
import static org.cadre.evaluation.EvaluationRefusal.REASON_REQUIRED;
import static org.cadre.evaluation.EvaluationRefusal.REASON_TOO_LONG;
import static org.cadre.evaluation.EvaluationRefusal.REVIEW_LOCKED;
import static org.cadre.evaluation.EvaluationRefusal.REVIEW_PROPOSED;
import static org.cadre.evaluation.EvaluationRefusal.TEXT_TOO_LONG;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cadre.evaluation.ChapterProposalMade;
import org.cadre.evaluation.ReviewStatus;
import org.cadre.platform.Refused;

/**
 * The chapter's review of one member in a cycle (regulation §3.2): its comment, the level it proposes and, when that
 * level is not the engine's proposal of the current run, why. The chapter saves drafts and proposes; it may propose
 * again (each proposal is an event) until the cycle closes or the competent level signs the member's list. A refused
 * change leaves the object as it was.
 */
public final class ChapterReview {

    /** The longest comment kept. */
    public static final int MAX_COMMENT = 4000;
    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;

    /** What the chapter writes: the comment, the level (a code of the member scale) and the reason. */
    public record Written(String comment, String level, String reason) {
    }

    /**
     * What frames a change: whether the cycle takes changes, whether the competent level signed the member's list,
     * the codes of the pinned member scale, the engine's level of the current run ({@code null}: none) and when.
     */
    public record Frame(boolean cycleOpen, boolean decided, List<String> scale, String engineLevel, Instant now) {

        public Frame {
            scale = List.copyOf(scale);
        }
    }

    private final UUID cycle;
    private final UUID member;
    private final UUID organization;
    private Written written;
    private ReviewStatus status;
    private String engineLevel;
    private Instant savedAt;
    private Instant proposedAt;

    public ChapterReview(UUID cycle, UUID member, UUID organization, Written written, ReviewStatus status,
            String engineLevel, Instant savedAt, Instant proposedAt) {
        this.cycle = cycle;
        this.member = member;
        this.organization = organization;
        this.written = written == null ? new Written(null, null, null) : written;
        this.status = status;
        this.engineLevel = engineLevel;
        this.savedAt = savedAt;
        this.proposedAt = proposedAt;
    }

    /** Nothing recorded yet for the member in their chapter. */
    public static ChapterReview start(UUID cycle, UUID member, UUID organization) {
        return new ChapterReview(cycle, member, organization, null, ReviewStatus.NONE, null, null, null);
    }

    /**
     * Keeps what the chapter wrote without proposing: the lengths and the level (if any) are checked, the reason is
     * not required yet. Once proposed, the review changes only by proposing again ({@code REVIEW_PROPOSED}).
     */
    public void saveDraft(Written given, Frame frame) {
        Written checked = check(given, frame);
        if (status == ReviewStatus.PROPOSED) {
            // a draft over a proposal would withdraw it without a word: a proposal changes by proposing again
            throw new Refused(REVIEW_PROPOSED);
        }
        written = checked;
        status = ReviewStatus.DRAFT;
        savedAt = frame.now();
    }

    /**
     * The chapter's proposal: a level of the scale, with a reason when it is not the engine's level (also when the
     * engine has none: the chapter then proposes on its own judgement and says why).
     */
    public ChapterProposalMade propose(Written given, Frame frame, String by) {
        Written checked = check(given, frame);
        if (checked.level() == null) {
            throw new Refused(LEVEL_NOT_IN_SCALE, "", String.join(", ", frame.scale()));
        }
        boolean follows = Objects.equals(checked.level(), frame.engineLevel());
        if (!follows && checked.reason() == null) {
            throw new Refused(REASON_REQUIRED);
        }
        written = checked;
        status = ReviewStatus.PROPOSED;
        engineLevel = frame.engineLevel();
        savedAt = frame.now();
        proposedAt = frame.now();
        return new ChapterProposalMade(cycle, member, organization, checked.level(), frame.engineLevel(),
                checked.reason(), by, proposedAt);
    }

    /** Whether the chapter may still change it in this frame. */
    public boolean editable(Frame frame) {
        return frame.cycleOpen() && !frame.decided();
    }

    private static Written check(Written given, Frame frame) {
        if (!frame.cycleOpen()) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (frame.decided()) {
            throw new Refused(REVIEW_LOCKED);
        }
        Written w = given == null ? new Written(null, null, null) : given;
        String comment = TextFields.optional(w.comment(), MAX_COMMENT, TEXT_TOO_LONG, String.valueOf(MAX_COMMENT));
        String level = TextFields.blankToNull(w.level());
        if (level != null && !frame.scale().contains(level)) {
            throw new Refused(LEVEL_NOT_IN_SCALE, level, String.join(", ", frame.scale()));
        }
        String reason = TextFields.optional(w.reason(), MAX_REASON, REASON_TOO_LONG, String.valueOf(MAX_REASON));
        return new Written(comment, level, reason);
    }

    public UUID cycle() {
        return cycle;
    }

    public UUID member() {
        return member;
    }

    public UUID organization() {
        return organization;
    }

    public Written written() {
        return written;
    }

    public ReviewStatus status() {
        return status;
    }

    /** The engine's level when the chapter last proposed. */
    public String engineLevel() {
        return engineLevel;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public Instant proposedAt() {
        return proposedAt;
    }
}
