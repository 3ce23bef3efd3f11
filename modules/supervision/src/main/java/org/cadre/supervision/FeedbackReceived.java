package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** A coordinating body commented on an organization or a member ({@code member} not null) for a year. */
public record FeedbackReceived(UUID comment, UUID body, UUID request, OrganizationId organization, MemberId member,
        int year, Stance stance, LocalDate on) implements DomainEvent {
}
