package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.COMMENT_ALREADY_GIVEN;
import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.STANCE_UNKNOWN;
import static org.cadre.evaluation.EvaluationRefusal.TEXT_TOO_LONG;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cadre.evaluation.OtherChapterCommentGiven;
import org.cadre.platform.Refused;

/**
 * A comment on a member asked of another chapter (the one the member came from during the year, or the one of their
 * temporary activity). The chapter asked answers it once, with a stance and a text; a refused answer changes nothing.
 */
public final class CommentRequest {

    /** The longest answer kept. */
    public static final int MAX_TEXT = 4000;

    private final UUID id;
    private final UUID cycle;
    private final UUID member;
    private final UUID asked;
    private String stance;
    private String text;
    private String answeredBy;
    private Instant answeredAt;

    public CommentRequest(UUID id, UUID cycle, UUID member, UUID asked, String stance, String text,
            String answeredBy, Instant answeredAt) {
        this.id = id;
        this.cycle = cycle;
        this.member = member;
        this.asked = asked;
        this.stance = stance;
        this.text = text;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    /**
     * The answer, once: a stance among {@code stances} (the ones residence-place comments use, case ignored) and a
     * text within its length.
     */
    public OtherChapterCommentGiven answer(String givenStance, List<String> stances, String givenText,
            boolean cycleOpen, String by, Instant at) {
        if (!cycleOpen) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (answeredAt != null) {
            throw new Refused(COMMENT_ALREADY_GIVEN);
        }
        String chosen = TextFields.blankToNull(givenStance);
        if (chosen == null || !stances.contains(chosen.toUpperCase(Locale.ROOT))) {
            throw new Refused(STANCE_UNKNOWN, chosen == null ? "" : chosen);
        }
        String written = TextFields.optional(givenText, MAX_TEXT, TEXT_TOO_LONG, String.valueOf(MAX_TEXT));
        stance = chosen.toUpperCase(Locale.ROOT);
        text = written;
        answeredBy = by;
        answeredAt = at;
        return new OtherChapterCommentGiven(id, cycle, member, asked, stance, by, at);
    }

    public UUID id() {
        return id;
    }

    public String stance() {
        return stance;
    }

    public String text() {
        return text;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
