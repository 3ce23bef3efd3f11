package org.cadre.organizations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.organizations.domain.MemberTests.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRefusal;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RoleEnded;
import org.cadre.organizations.Sex;
import org.junit.jupiter.api.Test;

/** The rules of the tree as plain transitions: where each kind sits, dates in order, what a dissolved one refuses. */
class OrganizationTests {

    private static final LocalDate FOUNDED = LocalDate.of(2005, 1, 1);

    private final Organization bloc = Organization.register(command("DUK", OrganizationKind.BLOC_COMMITTEE), null)
            .organization();
    private final Organization committee = Organization.register(
            command("SNV", OrganizationKind.GRASSROOTS_COMMITTEE), bloc).organization();
    private final Organization otherCommittee = Organization.register(
            command("STC", OrganizationKind.GRASSROOTS_COMMITTEE), bloc).organization();

    @Test
    void registrationTrimsAndRaisesTheEventWithTheParent() {
        Organization.Registration registration = Organization.register(
                new RegisterOrganization(" SNV-VP ", "  Chi bộ Văn phòng ", OrganizationKind.CHAPTER, null, FOUNDED),
                committee);

        assertThat(registration.organization().code()).isEqualTo("SNV-VP");
        assertThat(registration.organization().name()).isEqualTo("Chi bộ Văn phòng");
        assertThat(registration.event().parent()).isEqualTo(committee.id());
        assertThat(registration.event().kind()).isEqualTo(OrganizationKind.CHAPTER);
    }

    @Test
    void eachKindSitsOnlyWhereTheTreeAllows() {
        assertRefused(() -> Organization.register(command("X", OrganizationKind.CHAPTER), null),
                OrganizationRefusal.KIND_NEEDS_PARENT);
        assertRefused(() -> Organization.register(command("X", OrganizationKind.CHAPTER), bloc),
                OrganizationRefusal.KIND_NOT_UNDER_PARENT);
        assertRefused(() -> Organization.register(command("X", OrganizationKind.BLOC_COMMITTEE), bloc),
                OrganizationRefusal.KIND_NOT_UNDER_PARENT);
        Organization chapter = Organization.register(command("C", OrganizationKind.CHAPTER), committee).organization();
        assertRefused(() -> Organization.register(command("X", OrganizationKind.CHAPTER), chapter),
                OrganizationRefusal.KIND_NOT_UNDER_PARENT);
    }

    @Test
    void aMoveRefusesCyclesWrongKindsAndDatesNotAfterTheCurrentPeriod() {
        Organization sub = Organization.register(command("SNV-B", OrganizationKind.SUB_COMMITTEE), committee)
                .organization();

        assertRefused(() -> committee.move(bloc, true, FOUNDED.plusYears(1)), OrganizationRefusal.MOVE_CYCLE);
        assertRefused(() -> sub.move(bloc, false, FOUNDED.plusYears(1)), OrganizationRefusal.KIND_NOT_UNDER_PARENT);
        assertRefused(() -> sub.move(otherCommittee, false, FOUNDED), OrganizationRefusal.DATE_BEFORE_CURRENT);
        assertThat(sub.parent()).isEqualTo(committee.id());

        var moved = sub.move(otherCommittee, false, FOUNDED.plusYears(1));
        assertThat(moved.from()).isEqualTo(committee.id());
        assertThat(moved.to()).isEqualTo(otherCommittee.id());
        assertThat(sub.parent()).isEqualTo(otherCommittee.id());
        assertRefused(() -> sub.rename("Tên mới", FOUNDED.plusYears(1)), OrganizationRefusal.DATE_BEFORE_CURRENT);
    }

    @Test
    void onlyAnEmptyOrganizationIsDissolvedAndItsRolesEndThatDay() {
        HeldRole secretary = new HeldRole(UUID.randomUUID(), committee.id(), new MemberId(UUID.randomUUID()),
                OrganizationRole.SECRETARY, FOUNDED);
        LocalDate on = LocalDate.of(2024, 12, 31);

        assertRefused(() -> committee.dissolve(on, 1, List.of(secretary)), OrganizationRefusal.DISSOLVE_NOT_EMPTY);
        assertRefused(() -> committee.dissolve(FOUNDED.minusDays(1), 0, List.of()),
                OrganizationRefusal.DATES_OUT_OF_ORDER);
        assertThat(committee.dissolved()).isFalse();

        var raised = committee.dissolve(on, 0, List.of(secretary));
        assertThat(raised).hasSize(2);
        assertThat(raised.get(0)).isEqualTo(new OrganizationDissolved(committee.id(), on));
        assertThat(raised.get(1)).isInstanceOfSatisfying(RoleEnded.class,
                ended -> assertThat(ended.on()).isEqualTo(on));
        assertThat(committee.dissolvedOn()).isEqualTo(on);
    }

    @Test
    void aDissolvedOrganizationTakesNoFurtherChange() {
        committee.dissolve(LocalDate.of(2024, 12, 31), 0, List.of());
        LocalDate later = LocalDate.of(2025, 6, 1);

        assertRefused(() -> committee.dissolve(later, 0, List.of()), OrganizationRefusal.ORGANIZATION_DISSOLVED);
        assertRefused(() -> committee.rename("Tên mới", later), OrganizationRefusal.ORGANIZATION_DISSOLVED);
        assertRefused(() -> committee.move(otherCommittee, false, later), OrganizationRefusal.ORGANIZATION_DISSOLVED);
        assertRefused(() -> committee.assignAgency(UUID.randomUUID(), "Sở", null),
                OrganizationRefusal.ORGANIZATION_DISSOLVED);
        assertRefused(() -> Organization.register(command("SNV-X", OrganizationKind.CHAPTER), committee),
                OrganizationRefusal.PARENT_DISSOLVED);
        assertRefused(() -> otherCommittee.move(committee, false, later), OrganizationRefusal.PARENT_DISSOLVED);
    }

    @Test
    void aRoleGoesToAMemberOnTheRollsBelowWhoDoesNotHoldItYet() {
        Member active = member(MemberStatus.ACTIVE);
        Member suspended = member(MemberStatus.SUSPENDED);

        assertRefused(() -> committee.assignRole(suspended, OrganizationRole.SECRETARY, FOUNDED, true, false),
                OrganizationRefusal.MEMBER_NOT_ON_ROLLS);
        assertRefused(() -> committee.assignRole(active, OrganizationRole.SECRETARY, FOUNDED, false, false),
                OrganizationRefusal.ROLE_OUTSIDE_ORGANIZATION);
        assertRefused(() -> committee.assignRole(active, OrganizationRole.SECRETARY, FOUNDED, true, true),
                OrganizationRefusal.ROLE_HELD);

        var assigned = committee.assignRole(active, OrganizationRole.SECRETARY, FOUNDED, true, false);
        assertThat(assigned.member()).isEqualTo(active.id());
        assertThat(assigned.organization()).isEqualTo(committee.id());
    }

    @Test
    void anAgencyHeadIsRecordedOnlyWhenGiven() {
        assertThat(committee.assignAgency(UUID.randomUUID(), " Sở Nội vụ ", "  ").headName()).isNull();
        assertThat(committee.assignAgency(UUID.randomUUID(), "Sở Nội vụ", " Trần Thị Hoa ").headName())
                .isEqualTo("Trần Thị Hoa");
    }

    private static Member member(MemberStatus status) {
        return Member.restore(new MemberId(UUID.randomUUID()), "HV-1",
                new Person("Lê", "", "Hà", LocalDate.of(1980, 1, 1), Sex.FEMALE, null, true, null),
                LocalDate.of(2010, 1, 1), null, new OrganizationId(UUID.randomUUID()), status,
                LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 1), List.of());
    }

    private static RegisterOrganization command(String code, OrganizationKind kind) {
        return new RegisterOrganization(code, "Tổ chức " + code, kind, null, FOUNDED);
    }
}
