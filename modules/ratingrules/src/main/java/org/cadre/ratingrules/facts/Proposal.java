package org.cadre.ratingrules.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the rules propose for one subject. Rules never set a level directly: they say which levels the subject
 * {@linkplain #qualify qualifies for} and which {@linkplain #limit limit} it, and the proposed level is
 * {@code min(highest qualified level, lowest limit)}, or the scale's lowest level when nothing qualifies. The
 * result therefore does not depend on the order in which rules fire, and every level is explained by reasons.
 *
 * <pre>
 * rule "M19-KH-04 disciplined in the year"
 *   &#64;id("M19-KH-04") &#64;criterion("Kỷ luật trong năm") &#64;article("HD 21-HD/BTCTW, mục II.B.2")
 * when
 *   $m : MemberFacts( disciplinedViolations &gt;= 1 )
 *   $p : Proposal( subjectId == $m.subjectId )
 * then
 *   $p.limit("KHTNV");
 * end
 * </pre>
 */
public final class Proposal {

    /** Whom a proposal is for. */
    public enum Subject {
        MEMBER, ORGANIZATION
    }

    private final String subjectId;
    private final Subject subject;
    private final RatingScale scale;
    private final List<Reason> reasons = new ArrayList<>();
    private String qualified;
    private String limit;
    private boolean excluded;
    private boolean pending;

    public Proposal(String subjectId, Subject subject, RatingScale scale) {
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    public String getSubjectId() {
        return subjectId;
    }

    public Subject getSubject() {
        return subject;
    }

    /** The subject meets the conditions of {@code level}. */
    public void qualify(String level) {
        qualify(level, null);
    }

    public void qualify(String level, String note) {
        scale.rank(level);
        qualified = qualified == null ? level : scale.max(qualified, level);
        reasons.add(new Reason(Reason.Effect.QUALIFIES, level, null, null, null, note));
    }

    /** The subject may be at most {@code level}: a disqualifier ({@code limit} to the lowest level) or a cap. */
    public void limit(String level) {
        limit(level, null);
    }

    public void limit(String level, String note) {
        scale.rank(level);
        limit = limit == null ? level : scale.min(limit, level);
        reasons.add(new Reason(Reason.Effect.LIMITS, level, null, null, null, note));
    }

    /** The subject is not classified this year. */
    public void exclude() {
        exclude(null);
    }

    public void exclude(String note) {
        excluded = true;
        reasons.add(new Reason(Reason.Effect.EXCLUDES, null, null, null, null, note));
    }

    /** The subject cannot be classified yet: a required input is missing. */
    public void pend(String note) {
        pending = true;
        reasons.add(new Reason(Reason.Effect.PENDING, null, null, null, null, note));
    }

    /** Records information with the rating without changing the level. */
    public void note(String note) {
        reasons.add(new Reason(Reason.Effect.NOTES, null, null, null, null, note));
    }

    /**
     * Adds a reason the engine writes itself (an organization whose members' results are missing, a subject no
     * rule qualified): pending when its effect is {@link Reason.Effect#PENDING}. Rules use {@link #pend} and the
     * other methods above.
     */
    public void engineReason(Reason reason) {
        if (reason.effect() == Reason.Effect.PENDING) {
            pending = true;
        }
        reasons.add(reason);
    }

    /**
     * Called by the engine once the rules have fired: a subject that no rule qualified for any level gets the
     * scale's lowest level with a reason that says so, so no rating is ever bare.
     */
    public void finish() {
        if (!excluded && !pending && qualified == null) {
            reasons.add(Reason.ofEngine(Reason.Effect.UNQUALIFIED, scale.lowest(), "unqualified", scale.lowest()));
        }
    }

    /**
     * The index of the reason that decided the outcome: the exclusion, the first missing input, the limit that
     * brought the level down, or the qualification that reached it; -1 when none did.
     */
    public int getDecisiveReason() {
        Reason.Effect wanted;
        String level = getLevel();
        if (excluded) {
            wanted = Reason.Effect.EXCLUDES;
        } else if (pending) {
            wanted = Reason.Effect.PENDING;
        } else if (limit != null && limit.equals(level) && (qualified == null || !qualified.equals(level))) {
            wanted = Reason.Effect.LIMITS;
        } else if (qualified != null) {
            wanted = Reason.Effect.QUALIFIES;
        } else {
            wanted = Reason.Effect.UNQUALIFIED;
        }
        for (int i = 0; i < reasons.size(); i++) {
            Reason reason = reasons.get(i);
            if (reason.effect() == wanted && (level == null || wanted == Reason.Effect.EXCLUDES
                    || wanted == Reason.Effect.PENDING || level.equals(reason.level()))) {
                return i;
            }
        }
        return -1;
    }

    /** The proposed level, or {@code null} when the subject is excluded or pending. */
    public String getLevel() {
        if (excluded || pending) {
            return null;
        }
        String level = qualified == null ? scale.lowest() : qualified;
        return limit == null ? level : scale.min(level, limit);
    }

    /** The highest level the rules allow (the lowest limit), or {@code null} when nothing limits it. */
    public String getCap() {
        return limit;
    }

    public boolean isExcluded() {
        return excluded;
    }

    /** Whether an input is missing; a subject that is not classified at all is never also pending. */
    public boolean isPending() {
        return pending && !excluded;
    }

    /** Whether the proposed level is at least {@code level} (false when excluded or pending). */
    public boolean levelAtLeast(String level) {
        String current = getLevel();
        return current != null && scale.atLeast(current, level);
    }

    public List<Reason> getReasons() {
        return Collections.unmodifiableList(reasons);
    }

    /** How many reasons have been recorded so far; the engine uses it to attribute new ones to the rule that fired. */
    public int reasonCount() {
        return reasons.size();
    }

    /** Called by the engine after a rule fired: the reasons from {@code fromIndex} on came from that rule. */
    public void attribute(int fromIndex, String ruleId, String criterion, String article) {
        for (int i = fromIndex; i < reasons.size(); i++) {
            if (reasons.get(i).ruleId() == null) {
                reasons.set(i, reasons.get(i).withRule(ruleId, criterion, article));
            }
        }
    }

    @Override
    public String toString() {
        return "Proposal[" + subject + " " + subjectId + " level=" + getLevel() + " reasons=" + reasons + "]";
    }
}
