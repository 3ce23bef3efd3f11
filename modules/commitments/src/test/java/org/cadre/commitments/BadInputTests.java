package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/** The bad input: each is a clear refusal, and nothing is written. */
@CommitmentsModuleTest
class BadInputTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    ActionProgrammes programmes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;
    MemberId binh;

    @BeforeEach
    void campaign() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        binh = f.tree.admit(f.tree.chapterB, "Trần", "Thị", "Bình");
        f.open();
    }

    static void refused(Runnable change, CommitmentsRefusal reason) {
        assertThatThrownBy(change::run).isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).reason()).isEqualTo(reason));
    }

    int rows(String table) {
        return jdbc.sql("SELECT count(*) FROM commitments." + table).query(Integer.class).single();
    }

    @Test
    void approvingARegisterOfAnotherChapter() {
        UUID register = registers.draft(new DraftRegister(f.campaign, binh.value(), f.items()), Fixture.member(binh));
        registers.submit(register, Fixture.member(binh));
        refused(() -> registers.approve(register, Fixture.secretaryOf(f.tree.chapterA)),
                CommitmentsRefusal.NOT_YOUR_CHAPTER);
        refused(() -> registers.approve(register, Fixture.member(binh)), CommitmentsRefusal.NOT_YOUR_CHAPTER);
        refused(() -> registers.addItem(register, f.item("Người khác", 5), Fixture.member(an)),
                CommitmentsRefusal.NOT_YOUR_REGISTER);
        assertThat(registers.find(register).orElseThrow().status()).isEqualTo(RegisterStatus.SUBMITTED);
    }

    @Test
    void aCommitmentForAMemberWhoHasLeft(Scenario scenario) {
        scenario.stimulate(() -> members.end(binh, new EndMembership(MemberStatus.LEFT, f.today, "Xin ra",
                        "7-QĐ/ĐU")))
                .andWaitForStateChange(() -> study.duties(f.campaign, f.tree.committee).stream()
                        .filter(d -> d.member().equals(binh)).map(DutyView::status).findFirst(),
                        s -> s.equals(Optional.of(StudyStatus.LEFT)));
        int before = rows("register");
        refused(() -> registers.draft(new DraftRegister(f.campaign, binh.value(), f.items()), f.secretary()),
                CommitmentsRefusal.MEMBER_LEFT);
        assertThat(rows("register")).isEqualTo(before);
    }

    @Test
    void anAdoptionWithOneSignatureOrTheSamePersonTwice() {
        organizations.assignRole(f.tree.committee, new AssignRole(an.value(), OrganizationRole.SECRETARY, f.on(1, 2)));
        organizations.assignRole(f.tree.committee, new AssignRole(binh.value(), OrganizationRole.AGENCY_HEAD,
                f.on(1, 2)));
        UUID programme = programmes.create(new CreateProgramme(f.tree.committee.value(), f.resolution, f.year, null),
                f.secretary());
        programmes.addTask(programme, new ProgrammeTask("Rà soát quy chế", null, f.on(6, 30)), f.secretary());
        refused(() -> programmes.adopt(programme, new AdoptProgramme(an.value(), null, f.on(2, 1)), f.secretary()),
                CommitmentsRefusal.SIGNATURE_MISSING);
        refused(() -> programmes.adopt(programme, new AdoptProgramme(an.value(), an.value(), f.on(2, 1)),
                f.secretary()), CommitmentsRefusal.SAME_SIGNER);
        // the roles are checked against organizations': Bình is the agency head, not the secretary
        refused(() -> programmes.adopt(programme, new AdoptProgramme(binh.value(), an.value(), f.on(2, 1)),
                f.secretary()), CommitmentsRefusal.SIGNER_NOT_SECRETARY);
        // and they held no role before they were assigned
        refused(() -> programmes.adopt(programme, new AdoptProgramme(an.value(), binh.value(), f.on(1, 1)),
                f.secretary()), CommitmentsRefusal.SIGNER_NOT_SECRETARY);
        assertThat(programmes.find(programme).orElseThrow().adopted()).isFalse();
        assertThat(programmes.organizationYear(f.tree.committee, f.year).committeeSigned()).isFalse();
        // a chapter is not a grassroots organization: no programme of its own
        refused(() -> programmes.create(new CreateProgramme(f.tree.chapterA.value(), f.resolution, f.year, null),
                f.secretary()), CommitmentsRefusal.NOT_GRASSROOTS);
    }

    @Test
    void aDeadlineOutsideTheYear() {
        int before = rows("register");
        refused(() -> registers.draft(new DraftRegister(f.campaign, an.value(), List.of(new ItemDraft("Sang năm",
                null, null, LocalDate.of(f.year + 1, 1, 31), 10))), Fixture.member(an)),
                CommitmentsRefusal.DEADLINE_OUTSIDE_YEAR);
        assertThat(rows("register")).isEqualTo(before);
    }

    @Test
    void aProgressReportAboveAHundredPercent() {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.submit(register, Fixture.member(an));
        registers.approve(register, f.secretary());
        UUID item = registers.find(register).orElseThrow().items().get(0).id();
        int before = rows("progress_report");
        refused(() -> registers.reportProgress(register, new ReportProgress(item, 150, null, f.on(2, 1)),
                Fixture.member(an)), CommitmentsRefusal.PROGRESS_OUT_OF_RANGE);
        assertThat(rows("progress_report")).isEqualTo(before);
        assertThat(registers.find(register).orElseThrow().items().get(0).progress()).isZero();
    }

    @Test
    void aSessionWithSomeoneFromAnotherChapter() {
        int before = rows("study_session");
        refused(() -> study.holdSession(new HoldSession(f.campaign, f.tree.chapterA.value(), f.on(2, 1), null,
                List.of(an.value(), binh.value())), f.secretary()), CommitmentsRefusal.ATTENDEE_NOT_DUE);
        assertThat(rows("study_session")).isEqualTo(before);
        assertThat(study.rollup(f.campaign, f.tree.committee).studied()).isZero();
    }
}
