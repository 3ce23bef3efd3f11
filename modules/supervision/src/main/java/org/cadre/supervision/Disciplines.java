package org.cadre.supervision;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * Disciplinary decisions for members and organizations. An expulsion ends the member's membership through the
 * organizations facade ({@link org.cadre.organizations.Members#end}) in the same transaction: both are written or
 * neither. Publishes {@link DisciplineImposed}.
 */
public interface Disciplines {

    /**
     * Refuses a decision dated after today, a form not allowed for the subject (a probationary member: only
     * reprimand and warning; an organization: reprimand, warning, dissolution), a member no longer on the rolls,
     * an earlier decision of another subject named as the same violation.
     */
    UUID impose(@Valid ImposeDiscipline command, Caller caller);

    /** A member's disciplines, latest first. */
    List<DisciplineView> ofMember(MemberId member);

    /** The disciplines within an organization's subtree (members and organizations) of a year, latest first. */
    List<DisciplineView> within(OrganizationId organization, int year, Caller caller);

    /** Disciplines of a member that took effect in a year (what evaluation reads for a rebuild). */
    List<DisciplineView> memberYear(MemberId member, int year);

    /**
     * An organization's year as evaluation reads it: decisions for the organization itself, for the members who
     * held a role in it on the decision's date (its leadership), and how many organizations directly below it were
     * disciplined.
     */
    OrganizationDisciplineFacts organizationYear(OrganizationId organization, int year);
}
