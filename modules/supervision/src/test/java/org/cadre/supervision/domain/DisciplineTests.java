package org.cadre.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;
import org.cadre.supervision.DisciplineForm;
import org.cadre.supervision.DisciplineImposed;
import org.cadre.supervision.SupervisionRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DisciplineTests {

    static final LocalDate TODAY = LocalDate.of(2017, 9, 1);
    final MemberId member = new MemberId(UUID.randomUUID());
    final OrganizationId chapter = new OrganizationId(UUID.randomUUID());
    final Subject full = Subject.member(member, chapter, "Nguyễn Văn An", true, false);
    final Subject probationary = Subject.member(member, chapter, "Nguyễn Văn An", true, true);
    final Subject organization = Subject.organization(chapter, "Chi bộ Văn phòng", false);

    Violation newViolation(Subject subject) {
        return new Violation(UUID.randomUUID(), subject.member(), subject.organization(), "Vi phạm", true, true, true);
    }

    Discipline impose(Subject subject, DisciplineForm form, LocalDate on) {
        return Discipline.impose(UUID.randomUUID(), subject, newViolation(subject), form, "01-QĐ", on, "UBKT", TODAY);
    }

    @Test
    void anExpulsionEndsTheMembership() {
        DisciplineImposed imposed = impose(full, DisciplineForm.EXPULSION, TODAY).imposed();
        assertThat(imposed.membershipEnded()).isTrue();
        assertThat(imposed.member()).isEqualTo(member);
        assertThat(imposed.selfDetected()).isTrue();
        assertThat(impose(full, DisciplineForm.REMOVAL_FROM_POST, TODAY).endsMembership()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = DisciplineForm.class, names = {"REMOVAL_FROM_POST", "EXPULSION"})
    void aProbationaryMemberIsOnlyReprimandedOrWarned(DisciplineForm form) {
        assertThatThrownBy(() -> impose(probationary, form, TODAY)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FORM_NOT_FOR_PROBATIONARY));
        assertThat(impose(probationary, DisciplineForm.REPRIMAND, TODAY).form()).isEqualTo(DisciplineForm.REPRIMAND);
        assertThat(impose(probationary, DisciplineForm.WARNING, TODAY).form()).isEqualTo(DisciplineForm.WARNING);
    }

    @Test
    void formsSuitTheSubject() {
        assertThatThrownBy(() -> impose(full, DisciplineForm.DISSOLUTION, TODAY)).isInstanceOfSatisfying(
                Refused.class, r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FORM_NOT_FOR_MEMBERS));
        assertThatThrownBy(() -> impose(organization, DisciplineForm.EXPULSION, TODAY)).isInstanceOfSatisfying(
                Refused.class, r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.FORM_NOT_FOR_ORGANIZATIONS));
        assertThat(impose(organization, DisciplineForm.DISSOLUTION, TODAY).imposed().member()).isNull();
    }

    @Test
    void notAfterTodayNorOffTheRollsNorAnotherSubjectsViolation() {
        assertThatThrownBy(() -> impose(full, DisciplineForm.WARNING, TODAY.plusDays(1))).isInstanceOfSatisfying(
                Refused.class, r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.DECISION_IN_FUTURE));
        Subject gone = Subject.member(member, chapter, "An", false, false);
        assertThatThrownBy(() -> impose(gone, DisciplineForm.WARNING, TODAY)).isInstanceOfSatisfying(
                Refused.class, r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.MEMBER_NOT_ON_ROLLS));
        Violation ofOther = new Violation(UUID.randomUUID(), new MemberId(UUID.randomUUID()), chapter, "x", false,
                false, false);
        assertThatThrownBy(() -> Discipline.impose(UUID.randomUUID(), full, ofOther, DisciplineForm.WARNING, "1",
                TODAY, "UBKT", TODAY)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(SupervisionRefusal.VIOLATION_OF_ANOTHER));
    }

    @Test
    void aSecondDecisionForTheSameViolationIsNotANewViolation() {
        Violation earlier = new Violation(UUID.randomUUID(), member, chapter, "Vi phạm", false, false, false);
        DisciplineImposed second = Discipline.impose(UUID.randomUUID(), full, earlier, DisciplineForm.WARNING,
                "02-QĐ", TODAY, "UBKT", TODAY).imposed();
        assertThat(second.newViolation()).isFalse();
        assertThat(second.violation()).isEqualTo(earlier.id());
    }
}
