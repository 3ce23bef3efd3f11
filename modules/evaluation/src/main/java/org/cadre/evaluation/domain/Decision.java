package org.cadre.evaluation.domain;

import static org.cadre.evaluation.EvaluationRefusal.CALIBRATION_PENDING;
import static org.cadre.evaluation.EvaluationRefusal.CYCLE_CLOSED;
import static org.cadre.evaluation.EvaluationRefusal.DECISION_NUMBER_INVALID;
import static org.cadre.evaluation.EvaluationRefusal.DECISION_SIGNED;
import static org.cadre.evaluation.EvaluationRefusal.LEVEL_NOT_IN_SCALE;
import static org.cadre.evaluation.EvaluationRefusal.RATING_UNKNOWN;
import static org.cadre.evaluation.EvaluationRefusal.REASON_REQUIRED;
import static org.cadre.evaluation.EvaluationRefusal.REASON_TOO_LONG;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.cadre.evaluation.DecisionSigned;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.platform.Refused;

/**
 * The decision of the competent level on one list of a grassroots organization (its members, or its organizations):
 * each subject with the proposal it starts from (the engine's level after calibration) and the level decided. A level
 * that departs from the proposal carries its reason. Signing (a number, who, when) locks it: after that nothing
 * changes here (a level changes only through an appeal). A refused transition leaves the object as it was.
 */
public final class Decision {

    /** The longest reason kept (the column's width). */
    public static final int MAX_REASON = 2000;
    /** The longest document number kept (e.g. "15-QĐ/ĐU"). */
    public static final int MAX_NUMBER = 40;

    private final UUID id;
    private final UUID cycle;
    private final UUID organization;
    private final String kind;
    private UUID competent;
    private UUID run;
    private DecisionStatus status;
    private String number;
    private String signedBy;
    private Instant signedAt;
    private final Map<UUID, Item> items;

    /** One subject of the list; {@code proposed} and {@code level} are null for one excluded or pending. */
    public record Item(UUID subject, String proposed, String level, String reason) {

        public boolean departs() {
            return !Objects.equals(level, proposed);
        }
    }

    public Decision(UUID id, UUID cycle, UUID organization, String kind, UUID competent, UUID run,
            DecisionStatus status, String number, String signedBy, Instant signedAt, List<Item> items) {
        this.id = id;
        this.cycle = cycle;
        this.organization = organization;
        this.kind = kind;
        this.competent = competent;
        this.run = run;
        this.status = status;
        this.number = number;
        this.signedBy = signedBy;
        this.signedAt = signedAt;
        this.items = new LinkedHashMap<>();
        items.forEach(i -> this.items.put(i.subject(), i));
    }

    /** A new draft taking every proposal as it is. */
    public static Decision draft(UUID id, UUID cycle, UUID organization, String kind, UUID competent, UUID run,
            Map<UUID, String> proposals) {
        Decision decision = new Decision(id, cycle, organization, kind, competent, run, DecisionStatus.DRAFT, null,
                null, null, List.of());
        decision.refresh(run, proposals);
        return decision;
    }

    /**
     * Takes the proposals of a (newer) run or of a calibration: a level decided with a reason stays, any other level
     * follows its proposal; subjects no longer proposed leave, new ones come in. A signed list never changes, so for
     * it this does nothing: whether anything changed.
     */
    public boolean refresh(UUID fromRun, Map<UUID, String> proposals) {
        if (status == DecisionStatus.SIGNED) {
            return false;
        }
        Map<UUID, Item> next = new LinkedHashMap<>();
        proposals.forEach((subject, proposed) -> {
            Item had = items.get(subject);
            boolean keeps = had != null && had.reason() != null;
            next.put(subject, keeps ? new Item(subject, proposed, had.level(), had.reason())
                    : new Item(subject, proposed, proposed, null));
        });
        boolean changed = !next.equals(items) || !Objects.equals(run, fromRun);
        items.clear();
        items.putAll(next);
        run = fromRun;
        return changed;
    }

    /**
     * Decides one subject's level: a code of {@code scale} (blank: the proposal). A level other than the proposal
     * needs a reason; with the proposal, no reason is kept.
     */
    public void decide(UUID subject, String level, String reason, List<String> scale, boolean cycleOpen) {
        checkChangeable(cycleOpen);
        Item item = items.get(subject);
        if (item == null) {
            throw new Refused(RATING_UNKNOWN, String.valueOf(subject));
        }
        String chosen = TextFields.blankToNull(level);
        if (chosen == null) {
            chosen = item.proposed();
        } else if (!scale.contains(chosen)) {
            throw new Refused(LEVEL_NOT_IN_SCALE, chosen, String.join(", ", scale));
        }
        String why = TextFields.optional(reason, MAX_REASON, REASON_TOO_LONG, String.valueOf(MAX_REASON));
        boolean departs = !Objects.equals(chosen, item.proposed());
        if (departs && why == null) {
            throw new Refused(REASON_REQUIRED);
        }
        items.put(subject, new Item(subject, item.proposed(), chosen, departs ? why : null));
    }

    /** Names the organization whose committee decides (the authority's choice); only while a draft. */
    public void assignCompetent(UUID organization, boolean cycleOpen) {
        checkChangeable(cycleOpen);
        competent = organization;
    }

    /**
     * Signs the list with the committee's document number: refused while quota cases of the list's group wait for
     * the committee's calibration ({@code openCases}), in a closed cycle, or once signed.
     */
    public DecisionSigned sign(String documentNumber, String by, Instant at, boolean cycleOpen, int openCases) {
        checkChangeable(cycleOpen);
        if (openCases > 0) {
            throw new Refused(CALIBRATION_PENDING, String.valueOf(openCases));
        }
        String given = TextFields.blankToNull(documentNumber);
        if (given == null || given.length() > MAX_NUMBER) {
            throw new Refused(DECISION_NUMBER_INVALID, String.valueOf(MAX_NUMBER));
        }
        status = DecisionStatus.SIGNED;
        number = given;
        signedBy = by;
        signedAt = at;
        Map<UUID, String> levels = new LinkedHashMap<>();
        items.values().forEach(i -> levels.put(i.subject(), i.level()));
        return new DecisionSigned(cycle, id, organization, kind, competent, levels, departures(), by, at);
    }

    private void checkChangeable(boolean cycleOpen) {
        if (!cycleOpen) {
            throw new Refused(CYCLE_CLOSED);
        }
        if (status == DecisionStatus.SIGNED) {
            throw new Refused(DECISION_SIGNED);
        }
    }

    /** How many subjects are decided at a level other than their proposal. */
    public int departures() {
        return (int) items.values().stream().filter(Item::departs).count();
    }

    public UUID id() {
        return id;
    }

    public UUID cycle() {
        return cycle;
    }

    public UUID organization() {
        return organization;
    }

    public String kind() {
        return kind;
    }

    public UUID competent() {
        return competent;
    }

    public UUID run() {
        return run;
    }

    public DecisionStatus status() {
        return status;
    }

    public String number() {
        return number;
    }

    public String signedBy() {
        return signedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public List<Item> items() {
        return new ArrayList<>(items.values());
    }
}
