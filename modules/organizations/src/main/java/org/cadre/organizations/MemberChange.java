package org.cadre.organizations;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes of a member's standing a page offers, and which apply to which status. Labels: message key
 * {@code member.change.<NAME>}.
 */
public enum MemberChange {
    /** Probationary to full member. */
    CONFIRM(null),
    EXEMPT(MemberStatus.EXEMPT),
    SUSPEND(MemberStatus.SUSPENDED),
    REINSTATE(MemberStatus.ACTIVE),
    LEFT(MemberStatus.LEFT),
    REMOVED(MemberStatus.REMOVED),
    DECEASED(MemberStatus.DECEASED);

    private final MemberStatus leadsTo;

    MemberChange(MemberStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    /** The status the change leads to ({@code null} for a confirmation, which keeps the status). */
    public MemberStatus leadsTo() {
        return leadsTo;
    }

    /**
     * A disciplinary change (đình chỉ, khai trừ, xóa tên/ra khỏi Đảng): it rests on a decision of the committee,
     * so it takes the reason and the decision's number.
     */
    public boolean disciplinary() {
        return leadsTo != null && leadsTo.disciplinary();
    }

    /** Whether the change takes the member off the rolls. */
    public boolean endsMembership() {
        return leadsTo != null && !leadsTo.isMember();
    }

    /**
     * The changes that apply to a member in a status: none off the rolls; a confirmation only while probationary
     * and not suspended; reinstatement only from exemption or suspension; never the status they are in.
     */
    public static List<MemberChange> applicableTo(MemberStatus status, boolean probationary) {
        List<MemberChange> changes = new ArrayList<>();
        if (!status.isMember()) {
            return changes;
        }
        for (MemberChange change : values()) {
            boolean applies = switch (change) {
                case CONFIRM -> probationary && status != MemberStatus.SUSPENDED;
                case REINSTATE -> status != MemberStatus.ACTIVE;
                default -> change.leadsTo != status;
            };
            if (applies) {
                changes.add(change);
            }
        }
        return changes;
    }
}
