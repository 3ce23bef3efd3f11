package org.cadre.organizations;

/** A member's standing over time. Labels come from the message key {@code member.status.<NAME>}. */
public enum MemberStatus {
    /** Takes part in the chapter's activities. */
    ACTIVE,
    /** Miễn sinh hoạt: exempt from activities and work (age, health), still a member. */
    EXEMPT,
    /** Đình chỉ sinh hoạt: suspended, pending a disciplinary decision. */
    SUSPENDED,
    /** Left the party (ra khỏi Đảng, xóa tên). */
    LEFT,
    /** Expelled (khai trừ). */
    REMOVED,
    /** Passed away. */
    DECEASED;

    /** Whether the member still belongs to an organization in this status. */
    public boolean isMember() {
        return this == ACTIVE || this == EXEMPT || this == SUSPENDED;
    }

    /**
     * Whether entering this status is a disciplinary measure taken by a decision (suspension, expulsion, removal
     * from the rolls): it is recorded with its reason and the decision's number.
     */
    public boolean disciplinary() {
        return this == SUSPENDED || this == REMOVED || this == LEFT;
    }
}
