package org.cadre.organizations.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.RoleEnded;
import org.cadre.platform.Refused;

/** A role a member holds now (its period is open), in their organization or one above it. */
public record HeldRole(UUID assignment, OrganizationId organization, MemberId member, OrganizationRole role,
        LocalDate from) {

    /** Ends the role on a date: not before it began. */
    public RoleEnded end(LocalDate on) {
        if (on.isBefore(from)) {
            throw new Refused(OrganizationRefusal.DATES_OUT_OF_ORDER, role);
        }
        return new RoleEnded(assignment, organization, member, role, on);
    }
}
