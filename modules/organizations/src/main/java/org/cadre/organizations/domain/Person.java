package org.cadre.organizations.domain;

import java.time.LocalDate;
import org.cadre.organizations.Sex;

/**
 * A member's personal data as recorded: names trimmed, an absent middle name or optional field as empty or
 * {@code null}, never as spaces.
 */
public record Person(String familyName, String middleName, String givenName, LocalDate bornOn, Sex sex,
        String nationalId, boolean civilServant, String position) {

    public Person {
        familyName = familyName.trim();
        middleName = middleName == null ? "" : middleName.trim();
        givenName = givenName.trim();
        nationalId = blankToNull(nationalId);
        position = blankToNull(position);
    }

    public String fullName() {
        return middleName.isEmpty() ? familyName + " " + givenName : familyName + " " + middleName + " " + givenName;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
