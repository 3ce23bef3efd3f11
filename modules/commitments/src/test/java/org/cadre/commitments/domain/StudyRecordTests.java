package org.cadre.commitments.domain;

import static org.cadre.commitments.domain.RegisterTests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.StudyHow;
import org.cadre.commitments.StudyStatus;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.junit.jupiter.api.Test;

class StudyRecordTests {

    final Campaign campaign = Campaign.open(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2016, 10, 30),
            UUID.randomUUID(), LocalDate.of(2017, 1, 10), LocalDate.of(2017, 3, 31));

    StudyRecord record(StudyStatus status) {
        return new StudyRecord(campaign, new MemberId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()),
                status, null, null, null, null);
    }

    @Test
    void aSessionCompletesTheStudyOnceAndASecondChangesNothing() {
        StudyRecord record = record(StudyStatus.ACTIVE);
        UUID session = UUID.randomUUID();
        var done = record.attended(session, LocalDate.of(2017, 2, 14)).orElseThrow();
        assertThat(done.how()).isEqualTo(StudyHow.SESSION);
        assertThat(done.session()).isEqualTo(session);
        assertThat(done.year()).isEqualTo(2017);
        assertThat(record.attended(UUID.randomUUID(), LocalDate.of(2017, 2, 20))).isEmpty();
        assertThat(record.studiedOn()).isEqualTo(LocalDate.of(2017, 2, 14));
    }

    @Test
    void studyLaterNeedsANoteAndAMemberWhoLeftCannotStudy() {
        StudyRecord record = record(StudyStatus.ACTIVE);
        refused(() -> record.studiedLater(LocalDate.of(2017, 4, 2), " "), CommitmentsRefusal.NOTE_REQUIRED);
        assertThat(record.studiedLater(LocalDate.of(2017, 4, 2), "Tự nghiên cứu, thu hoạch đạt")).isPresent();
        refused(() -> record(StudyStatus.LEFT).attended(UUID.randomUUID(), LocalDate.of(2017, 2, 14)),
                CommitmentsRefusal.MEMBER_LEFT);
    }

    @Test
    void aCampaignStudyDeadlineFallsInItsYear() {
        refused(() -> Campaign.open(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2016, 10, 30),
                UUID.randomUUID(), LocalDate.of(2017, 1, 10), LocalDate.of(2018, 1, 31)),
                CommitmentsRefusal.DEADLINE_OUTSIDE_YEAR);
        refused(() -> Campaign.open(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2016, 10, 30),
                UUID.randomUUID(), LocalDate.of(2016, 10, 1), LocalDate.of(2016, 12, 31)),
                CommitmentsRefusal.DATES_OUT_OF_ORDER);
    }
}
