package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.APPEAL_DECIDED;
import static org.cadre.evaluation.EvaluationRefusal.APPEAL_EXISTS;
import static org.cadre.evaluation.EvaluationRefusal.APPEAL_LEVEL_UNCHANGED;
import static org.cadre.evaluation.EvaluationRefusal.APPEAL_WINDOW_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.APPEAL_WINDOW_OUT_OF_RANGE;
import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.LEVEL_NOT_IN_SCALE;
import static org.cadre.evaluation.EvaluationRefusal.NOT_DECIDED_YET;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.cadre.evaluation.AppealDecided;
import org.cadre.evaluation.AppealFiled;
import org.cadre.evaluation.AppealOutcome;
import org.cadre.evaluation.AppealStatus;
import org.cadre.evaluation.AppealStep;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.facts.Proposal;

/**
 * An appeal against the level a signed decision gave a member or an organization (regulation §3.1: a rating found
 * wrong is annulled and the person reclassified). Filed within the window (from the signing day, in the committee's
 * time zone, for the cycle's number of days, both ends included), re-examined with notes, decided once by the
 * competent level. Each transition adds its step to the audit; a refused one leaves the object as it was.
 */
public final class Appeal {

    public static final int MIN_WINDOW_DAYS = 1;
    public static final int MAX_WINDOW_DAYS = 365;
    public static final int MAX_GROUNDS = 4000;
    public static final int MAX_REASON = 2000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final UUID id;
    private final UUID cycle;
    private final Proposal.Subject subjectKind;
    private final UUID subject;
    private UUID decision;
    private String filedBy;
    private Instant filedAt;
    private String grounds;
    private String requestedLevel;
    private AppealStatus status;
    private AppealOutcome outcome;
    private String levelBefore;
    private String levelAfter;
    private String reason;
    private String decidedBy;
    private Instant decidedAt;
    private final int version;
    private final List<AppealStep> added = new ArrayList<>();

    /** An appeal as stored (status null: not filed yet). */
    public Appeal(UUID id, UUID cycle, Proposal.Subject subjectKind, UUID subject, UUID decision, String filedBy,
            Instant filedAt, String grounds, String requestedLevel, AppealStatus status, AppealOutcome outcome,
            String levelBefore, String levelAfter, String reason, String decidedBy, Instant decidedAt,
            int version) {
        this.id = id;
        this.cycle = cycle;
        this.subjectKind = subjectKind;
        this.subject = subject;
        this.decision = decision;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        this.grounds = grounds;
        this.requestedLevel = requestedLevel;
        this.status = status;
        this.outcome = outcome;
        this.levelBefore = levelBefore;
        this.levelAfter = levelAfter;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.version = version;
    }

    /** Nothing filed yet. */
    public static Appeal start(UUID id, UUID cycle, Proposal.Subject subjectKind, UUID subject) {
        return new Appeal(id, cycle, subjectKind, subject, null, null, null, null, null, null, null, null, null, null,
                null, null, 0);
    }

    /**
     * What a filing is checked against: whether the cycle takes changes, the signed item (null: no signed decision
     * holds the subject), the window's days, the moment and zone its days are read in, whether an appeal of the
     * subject is still open, and the codes of the subject's scale.
     */
    public record Frame(boolean cycleOpen, Signed signed, int windowDays, Instant now, ZoneId zone,
            boolean openAppealExists, List<String> scale) {

        public Frame {
            scale = List.copyOf(scale);
        }
    }

    /** The signed decision holding the subject: the level that holds now and the moment it was signed. */
    public record Signed(UUID decision, String level, Instant signedAt) {
    }

    /** The last day of the window: the signing day is the first of its {@code days}. */
    public static LocalDate lastDay(Instant signedAt, int days, ZoneId zone) {
        return LocalDate.ofInstant(signedAt, zone).plusDays(days - 1L);
    }

    public static void checkWindowDays(int days) {
        if (days < MIN_WINDOW_DAYS || days > MAX_WINDOW_DAYS) {
            throw new Refused(APPEAL_WINDOW_OUT_OF_RANGE, MIN_WINDOW_DAYS, MAX_WINDOW_DAYS);
        }
    }

    public AppealFiled file(String givenGrounds, String requested, String by, Frame frame) {
        if (status != null) {
            throw new Refused(APPEAL_EXISTS);
        }
        if (!frame.cycleOpen()) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (frame.signed() == null) {
            throw new Refused(NOT_DECIDED_YET);
        }
        LocalDate last = lastDay(frame.signed().signedAt(), frame.windowDays(), frame.zone());
        if (LocalDate.ofInstant(frame.now(), frame.zone()).isAfter(last)) {
            throw new Refused(APPEAL_WINDOW_CLOSED, DAY.format(last));
        }
        if (frame.openAppealExists()) {
            throw new Refused(APPEAL_EXISTS);
        }
        String text = TextFields.requiredReason(givenGrounds, MAX_GROUNDS);
        String level = TextFields.blankToNull(requested);
        if (level != null && !frame.scale().contains(level)) {
            throw new Refused(LEVEL_NOT_IN_SCALE, level, String.join(", ", frame.scale()));
        }
        decision = frame.signed().decision();
        filedBy = by;
        filedAt = frame.now();
        grounds = text;
        requestedLevel = level;
        levelBefore = frame.signed().level();
        status = AppealStatus.OPEN;
        added.add(new AppealStep(AppealStep.Kind.FILED, by, filedAt, text));
        return new AppealFiled(cycle, id, subject, subjectKind, decision, by, filedAt);
    }

    /** A note of the re-examination (a hearing, a document read, a vote): kept in the audit. */
    public AppealStep note(String text, String by, Instant at, boolean cycleOpen) {
        requireOpen(cycleOpen);
        AppealStep step = new AppealStep(AppealStep.Kind.NOTE, by, at, TextFields.requiredReason(text, MAX_GROUNDS));
        added.add(step);
        return step;
    }

    /**
     * Decides once: {@link AppealOutcome#UPHELD} keeps the level; {@link AppealOutcome#CHANGED} annuls it for another
     * level of the scale. Either needs a reason.
     */
    public AppealDecided decide(AppealOutcome decided, String level, String why, String by, Instant at,
            boolean cycleOpen, List<String> scale) {
        requireOpen(cycleOpen);
        Objects.requireNonNull(decided, "outcome");
        String after = levelBefore;
        if (decided == AppealOutcome.CHANGED) {
            String wanted = TextFields.blankToNull(level);
            if (wanted != null && !scale.contains(wanted)) {
                throw new Refused(LEVEL_NOT_IN_SCALE, wanted, String.join(", ", scale));
            }
            if (wanted == null || wanted.equals(levelBefore)) {
                throw new Refused(APPEAL_LEVEL_UNCHANGED, levelBefore == null ? "—" : levelBefore);
            }
            after = wanted;
        }
        String text = TextFields.requiredReason(why, MAX_REASON);
        outcome = decided;
        levelAfter = after;
        reason = text;
        decidedBy = by;
        decidedAt = at;
        status = AppealStatus.DECIDED;
        added.add(new AppealStep(AppealStep.Kind.DECIDED, by, at, decided.name() + ": " + text));
        return new AppealDecided(cycle, id, subject, decided, levelBefore, after, by, at);
    }

    private void requireOpen(boolean cycleOpen) {
        if (status == AppealStatus.DECIDED) {
            throw new Refused(APPEAL_DECIDED);
        }
        if (!cycleOpen) {
            throw new Refused(CYCLE_CLOSED);
        }
    }

    /** The steps this object's transitions added since it was loaded, in order: the store appends them. */
    public List<AppealStep> addedSteps() {
        return List.copyOf(added);
    }

    public UUID id() { return id; }

    public UUID cycle() { return cycle; }

    public Proposal.Subject subjectKind() { return subjectKind; }

    public UUID subject() { return subject; }

    public UUID decision() { return decision; }

    public String filedBy() { return filedBy; }

    public Instant filedAt() { return filedAt; }

    public String grounds() { return grounds; }

    public String requestedLevel() { return requestedLevel; }

    public AppealStatus status() { return status; }

    public AppealOutcome outcome() { return outcome; }

    public String levelBefore() { return levelBefore; }

    public String levelAfter() { return levelAfter; }

    public String reason() { return reason; }

    public String decidedBy() { return decidedBy; }

    public Instant decidedAt() { return decidedAt; }

    public int version() { return version; }
}
