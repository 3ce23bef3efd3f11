package org.cadre.evaluation;

import java.time.LocalDate;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationId;

/** A member as the evaluation module knows them, from its own projection fed by the organizations events. */
public record EvaluatedMember(MemberId id, OrganizationId organization, String cardNumber, String fullName,
        LocalDate admittedOn, LocalDate confirmedOn, MemberStatus status, LocalDate statusSince) {
}
