package org.cadre.organizations;

import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member was admitted into (or first recorded in) an organization.
 *
 * @param confirmedOn the date they became a full member, or {@code null} while probationary
 */
public record MemberAdmitted(MemberId member, OrganizationId organization, String cardNumber, String fullName,
        LocalDate bornOn, Sex sex, LocalDate admittedOn, LocalDate confirmedOn, boolean civilServant)
        implements DomainEvent, Audited {

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-admitted", member.value(), organization.value(),
                cardNumber, fullName, admittedOn);
    }
}
