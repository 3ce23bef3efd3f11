package org.cadre.supervision.domain;

import static org.cadre.supervision.SupervisionRefusal.FINDING_RESOLVED;
import static org.cadre.supervision.SupervisionRefusal.NO_REMEDY_REQUIRED;
import static org.cadre.supervision.SupervisionRefusal.RESOLVED_BEFORE_REQUIRED;
import static org.cadre.supervision.SupervisionRefusal.RESOLVED_IN_FUTURE;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.FindingResolved;

/** A finding whose remedy, when one is required, is resolved once, not before it was required nor after today. */
public final class Finding {

    private final UUID id;
    private final UUID inspection;
    private final OrganizationId organization;
    private final MemberId member;
    private final LocalDate recordedOn;
    private final LocalDate remedyDue;
    private LocalDate resolvedOn;

    public Finding(UUID id, UUID inspection, OrganizationId organization, MemberId member, LocalDate recordedOn,
            LocalDate remedyDue, LocalDate resolvedOn) {
        this.id = id;
        this.inspection = inspection;
        this.organization = organization;
        this.member = member;
        this.recordedOn = recordedOn;
        this.remedyDue = remedyDue;
        this.resolvedOn = resolvedOn;
    }

    public FindingResolved resolve(LocalDate on, LocalDate today) {
        if (remedyDue == null) {
            throw new Refused(NO_REMEDY_REQUIRED);
        }
        if (resolvedOn != null) {
            throw new Refused(FINDING_RESOLVED, resolvedOn);
        }
        if (on.isBefore(recordedOn)) {
            throw new Refused(RESOLVED_BEFORE_REQUIRED, on, recordedOn);
        }
        if (on.isAfter(today)) {
            throw new Refused(RESOLVED_IN_FUTURE, on);
        }
        resolvedOn = on;
        return new FindingResolved(id, inspection, organization, member, on, !on.isAfter(remedyDue));
    }

    public UUID id() {
        return id;
    }

    public OrganizationId organization() {
        return organization;
    }

    public LocalDate resolvedOn() {
        return resolvedOn;
    }
}
