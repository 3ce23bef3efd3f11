package org.cadre.organizations.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.RoleCancelled;
import org.cadre.platform.Refused;

/** A role as recorded, held now or ended, and whether it was cancelled already. */
public record RecordedRole(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate from, String recordedBy, boolean cancelled) {

    /** The role was recorded by mistake: the member never held it. */
    public RoleCancelled cancel(Canceller by, String reason) {
        if (cancelled) {
            throw new Refused(OrganizationRefusal.ROLE_CANCELLED, role);
        }
        if (!by.mayCancel(recordedBy)) {
            throw new Refused(OrganizationRefusal.CANCEL_NOT_YOURS);
        }
        return new RoleCancelled(assignment, organization, member, role, from, reason);
    }
}
