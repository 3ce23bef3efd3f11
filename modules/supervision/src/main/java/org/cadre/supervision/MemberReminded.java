package org.cadre.supervision;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.jmolecules.event.types.DomainEvent;

/** A member was reminded about a commitment ({@code commitmentItem}, or null) or a task, to be done by a date. */
public record MemberReminded(UUID reminder, MemberId member, OrganizationId organization, LocalDate remindedOn,
        LocalDate dueOn, UUID commitmentItem) implements DomainEvent {
}
