package org.cadre.supervision;

/**
 * The forms of discipline (regulations, glossary): for members reprimand, warning, removal from post and
 * expulsion (a probationary member only the first two); for organizations reprimand, warning and dissolution.
 * Labels come from {@code supervision.discipline.form.<NAME>}.
 */
public enum DisciplineForm {
    /** Khiển trách. */
    REPRIMAND("KHIEN_TRACH", true, true, true),
    /** Cảnh cáo. */
    WARNING("CANH_CAO", true, true, true),
    /** Cách chức: removal from the posts held; the member stays on the rolls. */
    REMOVAL_FROM_POST("CACH_CHUC", true, false, false),
    /** Khai trừ: expulsion, which ends the membership (organizations records it as REMOVED). */
    EXPULSION("KHAI_TRU", true, false, false),
    /** Giải tán: dissolution of an organization. */
    DISSOLUTION("GIAI_TAN", false, false, true);

    private final String factsCode;
    private final boolean forMembers;
    private final boolean forProbationary;
    private final boolean forOrganizations;

    DisciplineForm(String factsCode, boolean forMembers, boolean forProbationary, boolean forOrganizations) {
        this.factsCode = factsCode;
        this.forMembers = forMembers;
        this.forProbationary = forProbationary;
        this.forOrganizations = forOrganizations;
    }

    /** The form as the facts contract of the rule packs names it ({@code Discipline.form}). */
    public String factsCode() {
        return factsCode;
    }

    public boolean forMembers() {
        return forMembers;
    }

    /** Whether a probationary member may be given this form. */
    public boolean forProbationary() {
        return forProbationary;
    }

    public boolean forOrganizations() {
        return forOrganizations;
    }

    /** Whether the form ends the member's membership. */
    public boolean endsMembership() {
        return this == EXPULSION;
    }
}
