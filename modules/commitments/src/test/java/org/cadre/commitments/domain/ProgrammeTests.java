package org.cadre.commitments.domain;

import static org.cadre.commitments.domain.RegisterTests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.ProgrammeTask;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.junit.jupiter.api.Test;

class ProgrammeTests {

    static final LocalDate ON = LocalDate.of(2017, 3, 15);
    final MemberId secretary = new MemberId(UUID.randomUUID());
    final MemberId head = new MemberId(UUID.randomUUID());

    Programme programme() {
        Programme p = new Programme(UUID.randomUUID(), new OrganizationId(UUID.randomUUID()), UUID.randomUUID(), 2017,
                "Chương trình hành động", null, null, null, List.of());
        p.add(UUID.randomUUID(), new ProgrammeTask("Rà soát quy chế làm việc", "Chánh Văn phòng",
                LocalDate.of(2017, 6, 30)));
        return p;
    }

    @Test
    void adoptedWithTheSecretaryAndTheAgencyHead() {
        Programme p = programme();
        var adopted = p.adopt(secretary, true, head, true, ON);
        assertThat(adopted.committeeSigner()).isEqualTo(secretary);
        assertThat(adopted.agencyHeadSigner()).isEqualTo(head);
        assertThat(adopted.adoptedOn()).isEqualTo(ON);
        assertThat(adopted.tasks()).isEqualTo(1);
        refused(() -> p.adopt(secretary, true, head, true, ON), CommitmentsRefusal.PROGRAMME_ADOPTED);
    }

    @Test
    void oneSignatureTheSamePersonTwiceOrAWrongRoleIsRefusedAndNothingChanges() {
        Programme p = programme();
        refused(() -> p.adopt(secretary, true, null, false, ON), CommitmentsRefusal.SIGNATURE_MISSING);
        refused(() -> p.adopt(null, false, head, true, ON), CommitmentsRefusal.SIGNATURE_MISSING);
        refused(() -> p.adopt(secretary, true, secretary, true, ON), CommitmentsRefusal.SAME_SIGNER);
        refused(() -> p.adopt(head, false, secretary, true, ON), CommitmentsRefusal.SIGNER_NOT_SECRETARY);
        refused(() -> p.adopt(secretary, true, head, false, ON), CommitmentsRefusal.SIGNER_NOT_AGENCY_HEAD);
        assertThat(p.adoptedOn()).isNull();
        assertThat(p.committeeSigner()).isNull();
        assertThat(p.agencyHeadSigner()).isNull();
    }

    @Test
    void aTaskDueOutsideTheYearIsRefused() {
        Programme p = programme();
        refused(() -> p.add(UUID.randomUUID(), new ProgrammeTask("Sang năm", null, LocalDate.of(2018, 2, 1))),
                CommitmentsRefusal.DEADLINE_OUTSIDE_YEAR);
        assertThat(p.tasks()).hasSize(1);
    }
}
