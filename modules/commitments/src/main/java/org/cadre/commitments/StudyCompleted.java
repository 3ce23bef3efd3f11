package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member completed the study of a campaign's resolution: at a session ({@code session} set) or later on their
 * own ({@code how} LATER, with the note). One per member and campaign.
 */
public record StudyCompleted(MemberId member, OrganizationId organization, UUID campaign, UUID resolution,
        int year, LocalDate on, org.cadre.commitments.StudyHow how, UUID session) implements DomainEvent {
}
