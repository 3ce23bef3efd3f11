package org.cadre.organizations;

import java.util.List;
import org.cadre.platform.Caller;

/**
 * Who may see and change which organizations and members: the one answer every module asks (pages, the API, the
 * import, and the modules to come). Administrators and evaluation staff see the whole tree; a secretary sees and
 * changes the subtree of their organization; a reviewer sees what their coordinating body may comment on; a member
 * sees their own record. Only administrators and secretaries (in their subtree) change anything.
 */
public interface OrganizationAccess {

    /** The part of the tree the caller may see, for the queries of {@link Organizations} and {@link Members}. */
    Visibility visibility(Caller caller);

    /** The part of the tree the caller may change members and roles in. */
    Visibility changeable(Caller caller);

    boolean maySee(Caller caller, OrganizationId organization);

    boolean mayChange(Caller caller, OrganizationId organization);

    boolean maySee(Caller caller, MemberId member);

    boolean mayChange(Caller caller, MemberId member);

    /** Refuses ({@link OrganizationRefusal#OUT_OF_SCOPE}) unless the caller may see the organization. */
    void requireSee(Caller caller, OrganizationId organization);

    void requireChange(Caller caller, OrganizationId organization);

    void requireSee(Caller caller, MemberId member);

    void requireChange(Caller caller, MemberId member);

    /** The member as this caller may read them: the national ID only for administrators, their secretaries and themselves. */
    MemberSummary redact(Caller caller, MemberSummary member);

    /** {@link #redact(Caller, MemberSummary)} for a list, working out the caller's scope once. */
    List<MemberSummary> redact(Caller caller, List<MemberSummary> members);
}
