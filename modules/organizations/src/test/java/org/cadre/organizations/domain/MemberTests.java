package org.cadre.organizations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.CorrectMember;
import org.cadre.organizations.MemberConfirmed;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.RoleEnded;
import org.cadre.organizations.Sex;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.Test;

/**
 * A member's lifecycle as plain transitions, without Spring or a database: each either returns the events it raises
 * and changes the member, or is refused for one reason and changes nothing.
 */
class MemberTests {

    private static final LocalDate BORN = LocalDate.of(1980, 5, 1);
    private static final LocalDate ADMITTED = LocalDate.of(2010, 3, 2);

    private final OrganizationSummary chapter = organization("Chi bộ Văn phòng", OrganizationKind.CHAPTER, null);
    private final OrganizationSummary otherChapter = organization("Chi bộ Tổ chức", OrganizationKind.CHAPTER, null);

    @Test
    void anAdmissionStartsActiveInTheChapterAndRaisesItsEvent() {
        Member.Admission admission = Member.admit(admit("  HV-01 ", ADMITTED, null), chapter);

        Member member = admission.member();
        assertThat(member.cardNumber()).isEqualTo("HV-01");
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.organization()).isEqualTo(chapter.id());
        assertThat(member.confirmedOn()).isEmpty();
        assertThat(admission.event().member()).isEqualTo(member.id());
        assertThat(admission.event().organization()).isEqualTo(chapter.id());
        assertThat(admission.event().fullName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void anAdmissionListsEveryRuleItBreaksAndAdmitRefusesWithTheFirst() {
        OrganizationSummary committee = organization("Đảng ủy Sở", OrganizationKind.GRASSROOTS_COMMITTEE, null);
        AdmitMember tooYoungAndConfirmedEarly = admit("HV-02", BORN.plusYears(17), BORN.plusYears(16));

        assertThat(Member.checkAdmission(tooYoungAndConfirmedEarly, committee)).extracting(Refused::reason)
                .containsExactly(OrganizationRefusal.HOLDS_NO_MEMBERS, OrganizationRefusal.CONFIRMED_BEFORE_ADMITTED,
                        OrganizationRefusal.ADMITTED_TOO_YOUNG);
        assertRefused(() -> Member.admit(tooYoungAndConfirmedEarly, committee), OrganizationRefusal.HOLDS_NO_MEMBERS);
    }

    @Test
    void admissionAtEighteenIsTheBoundary() {
        assertThat(Member.checkAdmission(admit("HV-03", BORN.plusYears(18), null), chapter)).isEmpty();
        assertThat(Member.checkAdmission(admit("HV-03", BORN.plusYears(18).minusDays(1), null), chapter))
                .extracting(Refused::reason).containsExactly(OrganizationRefusal.ADMITTED_TOO_YOUNG);
    }

    @Test
    void aDissolvedChapterTakesNoOne() {
        OrganizationSummary dissolved = organization("Chi bộ cũ", OrganizationKind.CHAPTER, LocalDate.of(2020, 1, 1));

        assertRefused(() -> Member.admit(admit("HV-04", ADMITTED, null), dissolved),
                OrganizationRefusal.TARGET_DISSOLVED);
    }

    @Test
    void confirmationOnceAndNotBeforeAdmission() {
        Member member = admitted();

        assertRefused(() -> member.confirm(ADMITTED.minusDays(1)), OrganizationRefusal.CONFIRMATION_BEFORE_ADMISSION);
        assertThat(member.confirmedOn()).isEmpty();

        MemberConfirmed confirmed = member.confirm(ADMITTED.plusYears(1));
        assertThat(confirmed.on()).isEqualTo(ADMITTED.plusYears(1));
        assertThat(member.confirmedOn()).contains(ADMITTED.plusYears(1));
        assertRefused(() -> member.confirm(ADMITTED.plusYears(2)), OrganizationRefusal.MEMBER_CONFIRMED);
    }

    @Test
    void aTransferEndsTheRolesHeldInTheChapterLeft() {
        HeldRole secretary = new HeldRole(UUID.randomUUID(), chapter.id(), new MemberId(UUID.randomUUID()),
                OrganizationRole.SECRETARY, LocalDate.of(2020, 1, 1));
        Member member = withRoles(List.of(secretary));

        var raised = member.transfer(otherChapter, LocalDate.of(2024, 6, 1));

        assertThat(raised).hasSize(2);
        assertThat(raised.get(0)).isInstanceOfSatisfying(MemberTransferred.class, moved -> {
            assertThat(moved.from()).isEqualTo(chapter.id());
            assertThat(moved.to()).isEqualTo(otherChapter.id());
        });
        assertThat(raised.get(1)).isInstanceOfSatisfying(RoleEnded.class,
                ended -> assertThat(ended.on()).isEqualTo(LocalDate.of(2024, 6, 1)));
        assertThat(member.organization()).isEqualTo(otherChapter.id());
        assertThat(member.roles()).isEmpty();
    }

    @Test
    void aRefusedTransferChangesNothing() {
        HeldRole secretary = new HeldRole(UUID.randomUUID(), chapter.id(), new MemberId(UUID.randomUUID()),
                OrganizationRole.SECRETARY, LocalDate.of(2024, 1, 1));
        Member member = withRoles(List.of(secretary));

        assertRefused(() -> member.transfer(chapter, LocalDate.of(2024, 6, 1)), OrganizationRefusal.TRANSFER_SAME);
        assertRefused(() -> member.transfer(otherChapter, ADMITTED), OrganizationRefusal.DATE_BEFORE_CURRENT);
        assertRefused(() -> member.transfer(otherChapter, LocalDate.of(2023, 12, 31)),
                OrganizationRefusal.DATE_BEFORE_PERIOD);
        assertRefused(() -> member.transfer(organization("Đảng ủy", OrganizationKind.SUB_COMMITTEE, null),
                LocalDate.of(2024, 6, 1)), OrganizationRefusal.HOLDS_NO_MEMBERS);

        assertThat(member.organization()).isEqualTo(chapter.id());
        assertThat(member.roles()).containsExactly(secretary);
    }

    @Test
    void statusChangesFollowEachOtherInTime() {
        Member member = admitted();

        member.exempt(LocalDate.of(2020, 1, 1), "sức khỏe");
        assertThat(member.status()).isEqualTo(MemberStatus.EXEMPT);
        assertThat(member.mayHoldRoles()).isTrue();
        assertRefused(() -> member.exempt(LocalDate.of(2021, 1, 1), "lần nữa"), OrganizationRefusal.STATUS_UNCHANGED);
        assertRefused(() -> member.suspend(LocalDate.of(2020, 1, 1), "cùng ngày", "12-QĐ/ĐU"),
                OrganizationRefusal.DATE_BEFORE_CURRENT);

        member.suspend(LocalDate.of(2021, 1, 1), "kỷ luật", "12-QĐ/ĐU");
        assertThat(member.mayHoldRoles()).isFalse();

        assertThat(member.reinstate(LocalDate.of(2022, 1, 1), "hết thời hạn").reason()).isEqualTo("hết thời hạn");
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertRefused(() -> member.reinstate(LocalDate.of(2023, 1, 1), "đang sinh hoạt"),
                OrganizationRefusal.STATUS_UNCHANGED);
    }

    @Test
    void leavingEndsTheMembershipAndTheRolesAndNothingFollows() {
        HeldRole deputy = new HeldRole(UUID.randomUUID(), chapter.id(), new MemberId(UUID.randomUUID()),
                OrganizationRole.DEPUTY_SECRETARY, LocalDate.of(2015, 1, 1));
        Member member = withRoles(List.of(deputy));

        assertRefused(() -> member.end(MemberStatus.ACTIVE, LocalDate.of(2024, 1, 1), "?", null),
                OrganizationRefusal.STATUS_INVALID);
        var raised = member.end(MemberStatus.DECEASED, LocalDate.of(2024, 1, 1), "từ trần", null);

        assertThat(raised).hasSize(2).first().isInstanceOfSatisfying(MemberLeft.class,
                left -> assertThat(left.how()).isEqualTo(MemberStatus.DECEASED));
        assertThat(member.status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(member.roles()).isEmpty();
        assertRefused(() -> member.transfer(otherChapter, LocalDate.of(2024, 2, 1)),
                OrganizationRefusal.MEMBER_NOT_ON_ROLLS);
        assertRefused(() -> member.confirm(LocalDate.of(2024, 2, 1)), OrganizationRefusal.MEMBER_NOT_ON_ROLLS);
        assertRefused(() -> member.exempt(LocalDate.of(2024, 2, 1), "?"), OrganizationRefusal.MEMBER_NOT_ON_ROLLS);
    }

    @Test
    void aCorrectionKeepsTheMemberOldEnoughForTheirAdmission() {
        Member member = admitted();

        assertRefused(() -> member.correct(correct(ADMITTED.minusYears(17))),
                OrganizationRefusal.BORN_TOO_LATE_FOR_ADMISSION);
        assertThat(member.person().bornOn()).isEqualTo(BORN);

        assertThat(member.correct(correct(BORN.minusYears(1))).fullName()).isEqualTo("Nguyễn Văn Bình");
        assertThat(member.person().bornOn()).isEqualTo(BORN.minusYears(1));
        assertThat(member.cardNumber()).isEqualTo("HV-01");
    }

    private Member admitted() {
        return Member.admit(admit("HV-01", ADMITTED, null), chapter).member();
    }

    private Member withRoles(List<HeldRole> roles) {
        Member admitted = admitted();
        return Member.restore(admitted.id(), admitted.cardNumber(), admitted.person(), ADMITTED, null,
                chapter.id(), MemberStatus.ACTIVE, ADMITTED, ADMITTED, roles);
    }

    private AdmitMember admit(String card, LocalDate admittedOn, LocalDate confirmedOn) {
        return new AdmitMember(card, " Nguyễn ", "Văn", "An ", BORN, Sex.MALE, null, chapter.id().value(), admittedOn,
                confirmedOn, true, null);
    }

    private static CorrectMember correct(LocalDate bornOn) {
        return new CorrectMember("Nguyễn", "Văn", "Bình", bornOn, Sex.MALE, "012345678901", true, "Chuyên viên");
    }

    private static OrganizationSummary organization(String name, OrganizationKind kind, LocalDate dissolvedOn) {
        return new OrganizationSummary(new OrganizationId(UUID.randomUUID()), name.substring(0, 3), name, kind, null,
                LocalDate.of(2000, 1, 1), dissolvedOn, null, null);
    }

    static void assertRefused(Runnable change, OrganizationRefusal reason) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
