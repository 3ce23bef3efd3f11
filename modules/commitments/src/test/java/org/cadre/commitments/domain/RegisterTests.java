package org.cadre.commitments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.commitments.CommitmentFulfilled;
import org.cadre.commitments.CommitmentMissed;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.ItemDraft;
import org.cadre.commitments.ItemStatus;
import org.cadre.commitments.RegisterStatus;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.Test;

class RegisterTests {

    static final LocalDate MARCH = LocalDate.of(2017, 3, 1);

    static ItemDraft item(String content, LocalDate deadline, int weight) {
        return new ItemDraft(content, "Tham mưu", "100% hồ sơ đúng hạn", deadline, weight);
    }

    static Register draft() {
        return Register.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), new MemberId(UUID.randomUUID()),
                new OrganizationId(UUID.randomUUID()), 2017, List.of(item("Giải quyết hồ sơ đúng hạn",
                        LocalDate.of(2017, 6, 30), 60), item("Không vi phạm quy chế", LocalDate.of(2017, 12, 31), 40)));
    }

    static Register approved() {
        Register register = draft();
        register.submit(MARCH);
        register.approve(MARCH.plusDays(3), "bithu");
        return register;
    }

    static void refused(Runnable change, CommitmentsRefusal reason) {
        assertThatThrownBy(change::run).isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).reason()).isEqualTo(reason));
    }

    @Test
    void submittingRaisesRegisteredWithTheItemsAndTheirWeights() {
        Register register = draft();
        var event = register.submit(MARCH);
        assertThat(event.items()).isEqualTo(2);
        assertThat(event.totalWeight()).isEqualTo(100);
        assertThat(event.submittedOn()).isEqualTo(MARCH);
        assertThat(event.resubmitted()).isFalse();
        assertThat(register.status()).isEqualTo(RegisterStatus.SUBMITTED);
    }

    @Test
    void aDeadlineOutsideTheYearIsRefusedAndNothingIsAdded() {
        Register register = draft();
        refused(() -> register.add(UUID.randomUUID(), item("Sang năm", LocalDate.of(2018, 1, 15), 10)),
                CommitmentsRefusal.DEADLINE_OUTSIDE_YEAR);
        assertThat(register.items()).hasSize(2);
    }

    @Test
    void anEmptyRegisterCannotBeSubmittedAndAWeightMustBeOneToAHundred() {
        Register empty = Register.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new MemberId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), 2017, List.of());
        refused(() -> empty.submit(MARCH), CommitmentsRefusal.REGISTER_EMPTY);
        refused(() -> empty.add(UUID.randomUUID(), item("Nặng", LocalDate.of(2017, 5, 1), 101)),
                CommitmentsRefusal.WEIGHT_OUT_OF_RANGE);
        refused(() -> empty.add(UUID.randomUUID(), item("  ", LocalDate.of(2017, 5, 1), 10)),
                CommitmentsRefusal.TEXT_REQUIRED);
        assertThat(empty.status()).isEqualTo(RegisterStatus.DRAFT);
    }

    @Test
    void aReturnNeedsCommentsAndTheResubmissionSaysSo() {
        Register register = draft();
        register.submit(MARCH);
        refused(() -> register.giveBack(MARCH, "bithu", " "), CommitmentsRefusal.COMMENT_REQUIRED);
        assertThat(register.status()).isEqualTo(RegisterStatus.SUBMITTED);
        var returned = register.giveBack(MARCH, "bithu", "Chỉ tiêu cần đo được");
        assertThat(returned.comment()).isEqualTo("Chỉ tiêu cần đo được");
        assertThat(register.status()).isEqualTo(RegisterStatus.RETURNED);
        register.add(UUID.randomUUID(), item("Thêm", LocalDate.of(2017, 9, 1), 5));
        assertThat(register.submit(MARCH.plusDays(2)).resubmitted()).isTrue();
    }

    @Test
    void anApprovedRegisterIsNotEditedAndOnlyAnApprovedOneIsReportedOn() {
        Register draft = draft();
        UUID first = draft.items().get(0).id();
        refused(() -> draft.report(first, 50, MARCH), CommitmentsRefusal.REGISTER_NOT_APPROVED);
        refused(() -> draft.approve(MARCH, "bithu"), CommitmentsRefusal.REGISTER_NOT_SUBMITTED);
        Register approved = approved();
        refused(() -> approved.add(UUID.randomUUID(), item("Muộn", LocalDate.of(2017, 9, 1), 5)),
                CommitmentsRefusal.REGISTER_NOT_EDITABLE);
    }

    @Test
    void progressAboveAHundredIsRefusedAndTheItemKeepsItsProgress() {
        Register register = approved();
        UUID first = register.items().get(0).id();
        register.report(first, 40, LocalDate.of(2017, 4, 1));
        refused(() -> register.report(first, 120, LocalDate.of(2017, 5, 1)), CommitmentsRefusal.PROGRESS_OUT_OF_RANGE);
        refused(() -> register.report(first, -1, LocalDate.of(2017, 5, 1)), CommitmentsRefusal.PROGRESS_OUT_OF_RANGE);
        assertThat(register.items().get(0).progress()).isEqualTo(40);
    }

    @Test
    void aProgressReportCarriesThePreviousPercentAndWhetherItCameOnTime() {
        Register register = approved();
        UUID first = register.items().get(0).id();
        register.report(first, 40, LocalDate.of(2017, 4, 1));
        var late = register.report(first, 100, LocalDate.of(2017, 7, 5));
        assertThat(late.previousPercent()).isEqualTo(40);
        assertThat(late.percent()).isEqualTo(100);
        assertThat(late.onTime()).isFalse();
        assertThat(late.deadline()).isEqualTo(LocalDate.of(2017, 6, 30));
    }

    @Test
    void assessmentFulfilsOnTimeOrMissesOnceAndOnlyOnce() {
        Register register = approved();
        UUID first = register.items().get(0).id();
        UUID second = register.items().get(1).id();
        register.report(first, 100, LocalDate.of(2017, 6, 20));
        var fulfilled = (CommitmentFulfilled) register.assess(first, true, true, "Vượt chỉ tiêu",
                LocalDate.of(2017, 12, 20));
        assertThat(fulfilled.onTime()).isTrue();
        assertThat(fulfilled.exceeded()).isTrue();
        assertThat(fulfilled.completedOn()).isEqualTo(LocalDate.of(2017, 6, 20));
        register.report(second, 70, LocalDate.of(2017, 11, 1));
        var missed = (CommitmentMissed) register.assess(second, false, true, "Chưa đạt", LocalDate.of(2017, 12, 20));
        assertThat(missed.progress()).isEqualTo(70);
        assertThat(register.items().get(1).status()).isEqualTo(ItemStatus.MISSED);
        assertThat(register.items().get(1).exceeded()).isFalse();
        refused(() -> register.assess(first, false, false, null, LocalDate.of(2017, 12, 21)),
                CommitmentsRefusal.ITEM_ASSESSED);
        refused(() -> register.report(first, 50, LocalDate.of(2017, 12, 21)), CommitmentsRefusal.ITEM_ASSESSED);
    }
}
