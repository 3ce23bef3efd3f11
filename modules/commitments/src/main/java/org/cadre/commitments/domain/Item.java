package org.cadre.commitments.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.ItemStatus;
import org.cadre.platform.Refused;

/** One commitment of a register: changed only through its {@link Register}. */
public final class Item {

    public static final int MAX_WEIGHT = 100;

    private final UUID id;
    private int position;
    private String content;
    private String task;
    private String target;
    private LocalDate deadline;
    private int weight;
    private int progress;
    private LocalDate lastReportedOn;
    private LocalDate completedOn;
    private ItemStatus status;
    private LocalDate assessedOn;
    private String assessment;
    private boolean exceeded;

    /** An item as stored. */
    public Item(UUID id, int position, String content, String task, String target, LocalDate deadline, int weight,
            int progress, LocalDate lastReportedOn, LocalDate completedOn, ItemStatus status, LocalDate assessedOn,
            String assessment, boolean exceeded) {
        this.id = id;
        this.position = position;
        this.content = content;
        this.task = task;
        this.target = target;
        this.deadline = deadline;
        this.weight = weight;
        this.progress = progress;
        this.lastReportedOn = lastReportedOn;
        this.completedOn = completedOn;
        this.status = status;
        this.assessedOn = assessedOn;
        this.assessment = assessment;
        this.exceeded = exceeded;
    }

    /** Checks a draft against the rules of an item of {@code year} and returns it as a new open item. */
    public static Item create(UUID id, int position, ItemDraft draft, int year) {
        check(draft, year);
        return new Item(id, position, draft.content().strip(), Dates.text(draft.task()), Dates.text(draft.target()),
                draft.deadline(), draft.weight(), 0, null, null, ItemStatus.OPEN, null, null, false);
    }

    /** Every rule an item must meet, so the template and the bulk path check the same ones. */
    public static void check(ItemDraft draft, int year) {
        if (Dates.text(draft.content()) == null) {
            throw new Refused(CommitmentsRefusal.TEXT_REQUIRED);
        }
        Dates.deadlineInYear(draft.deadline(), year);
        if (draft.weight() < 1 || draft.weight() > MAX_WEIGHT) {
            throw new Refused(CommitmentsRefusal.WEIGHT_OUT_OF_RANGE, draft.weight(), MAX_WEIGHT);
        }
    }

    int report(int percent, LocalDate on) {
        requireOpen();
        if (percent < 0 || percent > 100) {
            throw new Refused(CommitmentsRefusal.PROGRESS_OUT_OF_RANGE, percent);
        }
        int previous = progress;
        progress = percent;
        lastReportedOn = on;
        if (percent == 100 && completedOn == null) {
            completedOn = on;
        }
        return previous;
    }

    void assess(boolean fulfilled, boolean exceededTarget, String text, LocalDate on) {
        requireOpen();
        status = fulfilled ? ItemStatus.FULFILLED : ItemStatus.MISSED;
        exceeded = fulfilled && exceededTarget;
        assessment = Dates.text(text);
        assessedOn = on;
    }

    /** Completed on or before its deadline. */
    public boolean onTime() {
        return completedOn != null && !completedOn.isAfter(deadline);
    }

    private void requireOpen() {
        if (status != ItemStatus.OPEN) {
            throw new Refused(CommitmentsRefusal.ITEM_ASSESSED, content);
        }
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    void position(int value) {
        position = value;
    }

    public String content() {
        return content;
    }

    public String task() {
        return task;
    }

    public String target() {
        return target;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public int weight() {
        return weight;
    }

    public int progress() {
        return progress;
    }

    public LocalDate lastReportedOn() {
        return lastReportedOn;
    }

    public LocalDate completedOn() {
        return completedOn;
    }

    public ItemStatus status() {
        return status;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public String assessment() {
        return assessment;
    }

    public boolean exceeded() {
        return exceeded;
    }
}
