package org.cadre.organizations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.organizations.domain.MemberTests.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberChange;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberTransferCancelled;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.RoleCancelled;
import org.cadre.organizations.Sex;
import org.junit.jupiter.api.Test;

/**
 * The guard rails of the member's changes as plain transitions: grounds for discipline, dates that have not come,
 * the changes a status allows, and cancelling an entry recorded by mistake (by whom, and what comes back).
 */
class CancellationTests {

    private static final LocalDate ADMITTED = LocalDate.of(2010, 3, 2);
    private static final LocalDate MOVED = LocalDate.of(2024, 6, 1);
    private static final Canceller RECORDER = new Canceller("bithu", false);
    private static final Canceller SOMEONE_ELSE = new Canceller("khac", false);
    private static final Canceller ADMIN = new Canceller("admin", true);

    private final OrganizationSummary from = chapter("Chi bộ Văn phòng", null);
    private final OrganizationSummary to = chapter("Chi bộ Tổ chức", null);

    @Test
    void aDisciplinaryChangeNeedsItsReasonAndDecisionAndAFutureDateIsRefused() {
        Member member = member(from.id(), ADMITTED, List.of());
        assertRefused(() -> member.suspend(LocalDate.of(2020, 1, 1), "vi phạm", " "),
                OrganizationRefusal.DECISION_REQUIRED);
        assertRefused(() -> member.end(MemberStatus.REMOVED, LocalDate.of(2020, 1, 1), null, "12-QĐ"),
                OrganizationRefusal.REASON_REQUIRED);
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.suspend(LocalDate.of(2020, 1, 1), "vi phạm", "12-QĐ/ĐU").decision()).isEqualTo("12-QĐ/ĐU");
        // dying is no discipline: no decision asked
        assertThat(member.end(MemberStatus.DECEASED, LocalDate.of(2021, 1, 1), null, null)).isNotEmpty();

        LocalDate today = LocalDate.of(2025, 5, 5);
        EffectiveDate.requireNotFuture(today, today);
        assertRefused(() -> EffectiveDate.requireNotFuture(today.plusDays(1), today),
                OrganizationRefusal.DATE_IN_FUTURE);
        assertRefused(() -> EffectiveDate.requireNotFuture(LocalDate.of(10000, 1, 1), today),
                OrganizationRefusal.DATE_IN_FUTURE);
    }

    @Test
    void onlyTheChangesThatApplyToTheStatusAreOffered() {
        assertThat(MemberChange.applicableTo(MemberStatus.ACTIVE, true)).containsExactly(MemberChange.CONFIRM,
                MemberChange.EXEMPT, MemberChange.SUSPEND, MemberChange.LEFT, MemberChange.REMOVED,
                MemberChange.DECEASED);
        assertThat(MemberChange.applicableTo(MemberStatus.SUSPENDED, true)).containsExactly(MemberChange.EXEMPT,
                MemberChange.REINSTATE, MemberChange.LEFT, MemberChange.REMOVED, MemberChange.DECEASED);
        assertThat(MemberChange.applicableTo(MemberStatus.EXEMPT, false)).doesNotContain(MemberChange.EXEMPT,
                MemberChange.CONFIRM);
        assertThat(MemberChange.applicableTo(MemberStatus.DECEASED, false)).isEmpty();
    }

    @Test
    void aTransferIsCancelledByItsRecorderOrAnAdministratorAndTheMemberIsBackWhereTheyWere() {
        RecordedTransfer last = new RecordedTransfer(7, from, ADMITTED, to.id(), MOVED, "bithu");

        assertRefused(() -> member(to.id(), MOVED, List.of()).cancelTransfer(last, SOMEONE_ELSE, "nhầm"),
                OrganizationRefusal.CANCEL_NOT_YOURS);
        assertRefused(() -> member(to.id(), MOVED, List.of()).cancelTransfer(null, ADMIN, "nhầm"),
                OrganizationRefusal.NOTHING_TO_CANCEL);
        HeldRole since = new HeldRole(UUID.randomUUID(), to.id(), new MemberId(UUID.randomUUID()),
                OrganizationRole.COMMITTEE_MEMBER, MOVED.plusDays(3));
        assertRefused(() -> member(to.id(), MOVED, List.of(since)).cancelTransfer(last, ADMIN, "nhầm"),
                OrganizationRefusal.CANCEL_ROLES_SINCE);
        RecordedTransfer fromDissolved = new RecordedTransfer(7, chapter("Chi bộ cũ", LocalDate.of(2024, 9, 1)),
                ADMITTED, to.id(), MOVED, "bithu");
        assertRefused(() -> member(to.id(), MOVED, List.of()).cancelTransfer(fromDissolved, ADMIN, "nhầm"),
                OrganizationRefusal.TARGET_DISSOLVED);

        Member member = member(to.id(), MOVED, List.of());
        MemberTransferCancelled cancelled = member.cancelTransfer(last, RECORDER, "Chọn nhầm chi bộ");
        assertThat(cancelled.from()).isEqualTo(from.id());
        assertThat(cancelled.to()).isEqualTo(to.id());
        assertThat(cancelled.on()).isEqualTo(MOVED);
        assertThat(member.organization()).isEqualTo(from.id());
        // and it can be transferred again, from the start of its period there
        assertThat(member.transfer(to, MOVED.plusDays(1))).isNotEmpty();
        assertThat(member(to.id(), MOVED, List.of()).cancelTransfer(last, ADMIN, "nhầm")).isNotNull();
    }

    @Test
    void aStatusChangeIsCancelledAndTheStatusBeforeComesBack() {
        Member exempt = Member.restore(new MemberId(UUID.randomUUID()), "HV-9", person(), ADMITTED, ADMITTED,
                from.id(), MemberStatus.EXEMPT, ADMITTED, MOVED, List.of());
        RecordedStatus last = new RecordedStatus(3, MemberStatus.EXEMPT, MOVED, "bithu", MemberStatus.ACTIVE,
                ADMITTED, null, null);
        assertRefused(() -> exempt.cancelStatusChange(last, SOMEONE_ELSE, "nhầm"), OrganizationRefusal.CANCEL_NOT_YOURS);
        assertRefused(() -> exempt.cancelStatusChange(new RecordedStatus(3, MemberStatus.EXEMPT, ADMITTED, "bithu",
                null, null, null, null), ADMIN, "nhầm"), OrganizationRefusal.NOTHING_TO_CANCEL);

        MemberStatusChangeCancelled cancelled = exempt.cancelStatusChange(last, RECORDER, "Nhầm người");
        assertThat(cancelled.cancelled()).isEqualTo(MemberStatus.EXEMPT);
        assertThat(cancelled.restored()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(exempt.status()).isEqualTo(MemberStatus.ACTIVE);

        // off the rolls by mistake: back on the rolls of a chapter that still exists
        Member left = Member.restore(new MemberId(UUID.randomUUID()), "HV-10", person(), ADMITTED, ADMITTED,
                from.id(), MemberStatus.LEFT, null, MOVED, List.of());
        RecordedStatus leaving = new RecordedStatus(4, MemberStatus.LEFT, MOVED, null, MemberStatus.ACTIVE, ADMITTED,
                from, ADMITTED);
        assertRefused(() -> left.cancelStatusChange(leaving, RECORDER, "nhầm"), OrganizationRefusal.CANCEL_NOT_YOURS);
        assertThat(left.cancelStatusChange(leaving, ADMIN, "Nhầm hồ sơ").restored()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(left.status().isMember()).isTrue();
    }

    @Test
    void aRoleIsCancelledOnceByItsRecorderOrAnAdministrator() {
        RecordedRole role = new RecordedRole(UUID.randomUUID(), from.id(), new MemberId(UUID.randomUUID()),
                OrganizationRole.SECRETARY, MOVED, "bithu", false);
        assertRefused(() -> role.cancel(SOMEONE_ELSE, "nhầm"), OrganizationRefusal.CANCEL_NOT_YOURS);
        RoleCancelled cancelled = role.cancel(RECORDER, "Giao nhầm người");
        assertThat(cancelled.reason()).isEqualTo("Giao nhầm người");
        RecordedRole already = new RecordedRole(role.assignment(), from.id(), role.member(), role.role(), MOVED,
                "bithu", true);
        assertRefused(() -> already.cancel(ADMIN, "lần nữa"), OrganizationRefusal.ROLE_CANCELLED);
    }

    private Member member(OrganizationId in, LocalDate since, List<HeldRole> roles) {
        return Member.restore(new MemberId(UUID.randomUUID()), "HV-" + UUID.randomUUID().toString().substring(0, 4),
                person(), ADMITTED, ADMITTED, in, MemberStatus.ACTIVE, since, ADMITTED, roles);
    }

    private static Person person() {
        return new Person("Nguyễn", "Văn", "An", LocalDate.of(1980, 5, 1), Sex.MALE, null, false, null);
    }

    private static OrganizationSummary chapter(String name, LocalDate dissolvedOn) {
        return new OrganizationSummary(new OrganizationId(UUID.randomUUID()), name.replace(' ', '-'), name,
                OrganizationKind.CHAPTER, null, LocalDate.of(2000, 1, 1), dissolvedOn, null, null);
    }

}
