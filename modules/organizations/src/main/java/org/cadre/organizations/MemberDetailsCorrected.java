package org.cadre.organizations;

import java.time.Instant;
import java.time.LocalDate;
import org.cadre.platform.AuditLine;
import org.cadre.platform.Audited;
import org.jmolecules.event.types.DomainEvent;

/**
 * A member's personal data was corrected (the national ID is left out: other modules do not keep it).
 *
 * @param correctedAt when the correction was recorded, so that a consumer handling two corrections out of order
 *                    keeps the later one (added; absent, {@code null}, from publications stored before it)
 */
public record MemberDetailsCorrected(MemberId member, String fullName, LocalDate bornOn, Sex sex,
        boolean civilServant, String position, Instant correctedAt) implements DomainEvent, Audited {

    public MemberDetailsCorrected(MemberId member, String fullName, LocalDate bornOn, Sex sex, boolean civilServant,
            String position) {
        this(member, fullName, bornOn, sex, civilServant, position, null);
    }

    /** The same correction, stamped with the time it was recorded. */
    public MemberDetailsCorrected recordedAt(Instant at) {
        return new MemberDetailsCorrected(member, fullName, bornOn, sex, civilServant, position, at);
    }

    @Override
    public AuditLine audit() {
        return AuditLine.of("organizations.member-details-corrected", member.value(), null, fullName);
    }
}
