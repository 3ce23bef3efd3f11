package org.cadre.commitments.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.CommitmentApproved;
import org.cadre.commitments.CommitmentFulfilled;
import org.cadre.commitments.CommitmentMissed;
import org.cadre.commitments.CommitmentProgressReported;
import org.cadre.commitments.CommitmentRegistered;
import org.cadre.commitments.CommitmentReturned;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.RegisterStatus;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member's commitment register (bản đăng ký cam kết) for a campaign: written as a draft, submitted, approved or
 * returned with comments by the secretary, reported on during the year, each item fulfilled or missed at its end.
 */
public final class Register {

    private final UUID id;
    private final UUID campaign;
    private final UUID resolution;
    private final MemberId member;
    private final OrganizationId organization;
    private final int year;
    private RegisterStatus status;
    private String comment;
    private LocalDate submittedOn;
    private LocalDate decidedOn;
    private String decidedBy;
    private final List<Item> items;

    /** A register as stored. */
    public Register(UUID id, UUID campaign, UUID resolution, MemberId member, OrganizationId organization, int year,
            RegisterStatus status, String comment, LocalDate submittedOn, LocalDate decidedOn, String decidedBy,
            List<Item> items) {
        this.id = id;
        this.campaign = campaign;
        this.resolution = resolution;
        this.member = member;
        this.organization = organization;
        this.year = year;
        this.status = status;
        this.comment = comment;
        this.submittedOn = submittedOn;
        this.decidedOn = decidedOn;
        this.decidedBy = decidedBy;
        this.items = new ArrayList<>(items);
    }

    /** A new draft with its first items, each checked against the year. */
    public static Register draft(UUID id, UUID campaign, UUID resolution, MemberId member,
            OrganizationId organization, int year, List<ItemDraft> drafts) {
        Register register = new Register(id, campaign, resolution, member, organization, year, RegisterStatus.DRAFT,
                null, null, null, null, List.of());
        drafts.forEach(d -> register.add(UUID.randomUUID(), d));
        return register;
    }

    public Item add(UUID itemId, ItemDraft draft) {
        requireEditable();
        Item item = Item.create(itemId, items.size() + 1, draft, year);
        items.add(item);
        return item;
    }

    public void remove(UUID itemId) {
        requireEditable();
        Item item = item(itemId);
        items.remove(item);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).position(i + 1);
        }
    }

    public CommitmentRegistered submit(LocalDate on) {
        requireEditable();
        if (items.isEmpty()) {
            throw new Refused(CommitmentsRefusal.REGISTER_EMPTY);
        }
        boolean again = status == RegisterStatus.RETURNED;
        status = RegisterStatus.SUBMITTED;
        submittedOn = on;
        return new CommitmentRegistered(id, member, organization, campaign, resolution, year, items.size(),
                totalWeight(), on, again);
    }

    public CommitmentApproved approve(LocalDate on, String by) {
        requireSubmitted();
        status = RegisterStatus.APPROVED;
        decidedOn = on;
        decidedBy = by;
        comment = null;
        return new CommitmentApproved(id, member, organization, resolution, year, items.size(), totalWeight(), on, by);
    }

    public CommitmentReturned giveBack(LocalDate on, String by, String comments) {
        requireSubmitted();
        String text = Dates.text(comments);
        if (text == null) {
            throw new Refused(CommitmentsRefusal.COMMENT_REQUIRED);
        }
        status = RegisterStatus.RETURNED;
        comment = text;
        decidedOn = on;
        decidedBy = by;
        return new CommitmentReturned(id, member, organization, year, on, text);
    }

    public CommitmentProgressReported report(UUID itemId, int percent, LocalDate on) {
        requireApproved();
        Item item = item(itemId);
        int previous = item.report(percent, on);
        return new CommitmentProgressReported(id, itemId, member, organization, year, percent, previous, on,
                item.deadline(), !on.isAfter(item.deadline()));
    }

    /** The chapter's assessment: {@link CommitmentFulfilled} or {@link CommitmentMissed}. */
    public DomainEvent assess(UUID itemId, boolean fulfilled, boolean exceeded, String assessment, LocalDate on) {
        requireApproved();
        Item item = item(itemId);
        item.assess(fulfilled, exceeded, assessment, on);
        return fulfilled
                ? new CommitmentFulfilled(id, itemId, member, organization, year, item.deadline(), item.completedOn(),
                        on, item.onTime(), item.exceeded(), item.weight())
                : new CommitmentMissed(id, itemId, member, organization, year, item.deadline(), item.progress(), on,
                        item.weight());
    }

    public int totalWeight() {
        return items.stream().mapToInt(Item::weight).sum();
    }

    private Item item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new Refused(CommitmentsRefusal.ITEM_UNKNOWN, itemId));
    }

    private void requireEditable() {
        if (status != RegisterStatus.DRAFT && status != RegisterStatus.RETURNED) {
            throw new Refused(CommitmentsRefusal.REGISTER_NOT_EDITABLE);
        }
    }

    private void requireSubmitted() {
        if (status != RegisterStatus.SUBMITTED) {
            throw new Refused(CommitmentsRefusal.REGISTER_NOT_SUBMITTED);
        }
    }

    private void requireApproved() {
        if (status != RegisterStatus.APPROVED) {
            throw new Refused(CommitmentsRefusal.REGISTER_NOT_APPROVED);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID campaign() {
        return campaign;
    }

    public UUID resolution() {
        return resolution;
    }

    public MemberId member() {
        return member;
    }

    public OrganizationId organization() {
        return organization;
    }

    public int year() {
        return year;
    }

    public RegisterStatus status() {
        return status;
    }

    public String comment() {
        return comment;
    }

    public LocalDate submittedOn() {
        return submittedOn;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public List<Item> items() {
        return Collections.unmodifiableList(items);
    }
}
