package org.cadre.commitments.internal;

import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.springframework.stereotype.Component;

/** Who may act on what, answered by organizations' {@link OrganizationAccess} and phrased as this module's refusals. */
@Component
class Guard {

    private final OrganizationAccess access;

    Guard(OrganizationAccess access) {
        this.access = access;
    }

    /** A secretary in their subtree, or an administrator. */
    void requireChapter(Caller caller, OrganizationId organization) {
        if (!access.mayChange(caller, organization)) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_CHAPTER);
        }
    }

    /** The member themselves, or whoever may change their chapter. */
    void requireOwnOrChapter(Caller caller, MemberId member, OrganizationId organization) {
        if (!isSelf(caller, member) && !access.mayChange(caller, organization)) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_REGISTER);
        }
    }

    /** The member themselves, or whoever may see their organization. */
    void requireReadable(Caller caller, MemberId member, OrganizationId organization) {
        if (!isSelf(caller, member) && !access.maySee(caller, organization)) {
            throw new Refused(CommitmentsRefusal.NOT_YOUR_REGISTER);
        }
    }

    static boolean isSelf(Caller caller, MemberId member) {
        return caller.member().map(member.value()::equals).orElse(false);
    }
}
