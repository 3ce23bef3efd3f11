package org.cadre.organizations;

import java.time.LocalDate;

/**
 * A party member as the pages, the API and other modules see them.
 *
 * @param nationalId shown only to those who need it: the API leaves it out for everyone but administrators,
 *                   the member's secretary and the member
 * @param confirmedOn the date the member became a full member, or {@code null} while probationary
 * @param statusSince the start of the member's current status (of the status as of the date asked, in lists as of
 *                    a date); {@code null} only if the member has no status period
 */
public record MemberSummary(MemberId id, String cardNumber, String familyName, String middleName, String givenName,
        LocalDate bornOn, Sex sex, String nationalId, LocalDate admittedOn, LocalDate confirmedOn,
        boolean civilServant, String position, OrganizationId organizationId, String organizationName,
        MemberStatus status, LocalDate statusSince) {

    public String fullName() {
        return middleName == null || middleName.isBlank() ? familyName + " " + givenName
                : familyName + " " + middleName + " " + givenName;
    }

    public boolean probationary() {
        return confirmedOn == null;
    }

    public MemberSummary withoutNationalId() {
        return new MemberSummary(id, cardNumber, familyName, middleName, givenName, bornOn, sex, null, admittedOn,
                confirmedOn, civilServant, position, organizationId, organizationName, status, statusSince);
    }
}
