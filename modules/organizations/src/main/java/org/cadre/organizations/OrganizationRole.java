package org.cadre.organizations;

/** A role a member holds in an organization for a period. Labels: message key {@code role.kind.<NAME>}. */
public enum OrganizationRole {
    /** Bí thư. */
    SECRETARY,
    /** Phó bí thư. */
    DEPUTY_SECRETARY,
    /** Cấp ủy viên. */
    COMMITTEE_MEMBER,
    /** Thủ trưởng cơ quan, đơn vị. */
    AGENCY_HEAD,
    /** Cấp phó của thủ trưởng. */
    DEPUTY_AGENCY_HEAD
}
