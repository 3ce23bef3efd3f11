package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * Every change of the commitments module publishes its event, with the dates and numbers in the payload, in the
 * transaction that changed the state: what evaluation and supervision build on.
 */
@CommitmentsModuleTest
class CommitmentEventsTests {

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
    CommitmentsBulkLoad bulk;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;
    MemberId binh;

    @BeforeEach
    void campaign() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        binh = f.tree.admit(f.tree.chapterA, "Trần", "Thị", "Bình");
        f.open();
    }

    @Test
    void aSessionPublishesSessionHeldAndStudyCompletedPerNewAttendee(Scenario scenario) {
        scenario.stimulate(() -> study.holdSession(new HoldSession(f.campaign, f.tree.chapterA.value(), f.on(2, 14),
                        "Học tập Nghị quyết", List.of(an.value(), binh.value())), f.secretary()))
                .andWaitForEventOfType(StudySessionHeld.class).matching(e -> e.campaign().equals(f.campaign))
                .toArriveAndVerify(e -> {
                    assertThat(e.attendees()).isEqualTo(2);
                    assertThat(e.newlyCompleted()).isEqualTo(2);
                    assertThat(e.heldOn()).isEqualTo(f.on(2, 14));
                    assertThat(e.organization()).isEqualTo(f.tree.chapterA);
                });
        scenario.stimulate(() -> study.holdSession(new HoldSession(f.campaign, f.tree.chapterA.value(), f.on(2, 20),
                        null, List.of(an.value())), f.secretary()))
                .andWaitForEventOfType(StudySessionHeld.class).matching(e -> e.campaign().equals(f.campaign)
                        && e.heldOn().equals(f.on(2, 20)))
                .toArriveAndVerify(e -> assertThat(e.newlyCompleted()).isZero());
    }

    @Test
    void studyingLaterPublishesStudyCompletedWithHowAndDate(Scenario scenario) {
        scenario.stimulate(() -> study.recordLateStudy(new RecordLateStudy(f.campaign, binh.value(), f.on(3, 2),
                        "Tự nghiên cứu, viết thu hoạch"), f.secretary()))
                .andWaitForEventOfType(StudyCompleted.class).matching(e -> e.member().equals(binh))
                .toArriveAndVerify(e -> {
                    assertThat(e.how()).isEqualTo(StudyHow.LATER);
                    assertThat(e.on()).isEqualTo(f.on(3, 2));
                    assertThat(e.year()).isEqualTo(f.year);
                    assertThat(e.resolution()).isEqualTo(f.resolution);
                });
    }

    @Test
    void aRegisterPublishesRegisteredApprovedProgressFulfilledAndMissed(Scenario scenario) {
        UUID[] id = new UUID[1];
        scenario.stimulate(() -> {
                    id[0] = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
                    registers.submit(id[0], Fixture.member(an));
                })
                .andWaitForEventOfType(CommitmentRegistered.class).matching(e -> e.member().equals(an))
                .toArriveAndVerify(e -> {
                    assertThat(e.items()).isEqualTo(2);
                    assertThat(e.totalWeight()).isEqualTo(100);
                    assertThat(e.year()).isEqualTo(f.year);
                    assertThat(e.submittedOn()).isEqualTo(f.today);
                });
        UUID register = id[0];
        scenario.stimulate(() -> registers.approve(register, f.secretary()))
                .andWaitForEventOfType(CommitmentApproved.class).matching(e -> e.register().equals(register))
                .toArriveAndVerify(e -> {
                    assertThat(e.items()).isEqualTo(2);
                    assertThat(e.approvedBy()).isEqualTo("u-secretary");
                });
        List<ItemView> items = registers.find(register).orElseThrow().items();
        scenario.stimulate(() -> registers.reportProgress(register, new ReportProgress(items.get(0).id(), 100,
                        "Báo cáo tháng 3", f.on(3, 20)), Fixture.member(an)))
                .andWaitForEventOfType(CommitmentProgressReported.class).matching(e -> e.register().equals(register))
                .toArriveAndVerify(e -> {
                    assertThat(e.percent()).isEqualTo(100);
                    assertThat(e.previousPercent()).isZero();
                    assertThat(e.onTime()).isTrue();
                    assertThat(e.deadline()).isEqualTo(f.on(3, 28));
                });
        scenario.stimulate(() -> registers.assess(register, new AssessItem(items.get(0).id(), true, true,
                        "Vượt chỉ tiêu", f.today), f.secretary()))
                .andWaitForEventOfType(CommitmentFulfilled.class).matching(e -> e.register().equals(register))
                .toArriveAndVerify(e -> {
                    assertThat(e.onTime()).isTrue();
                    assertThat(e.exceeded()).isTrue();
                    assertThat(e.completedOn()).isEqualTo(f.on(3, 20));
                    assertThat(e.weight()).isEqualTo(50);
                });
        scenario.stimulate(() -> registers.assess(register, new AssessItem(items.get(1).id(), false, false,
                        "Chưa đạt", f.today), f.secretary()))
                .andWaitForEventOfType(CommitmentMissed.class).matching(e -> e.register().equals(register))
                .toArriveAndVerify(e -> assertThat(e.progress()).isZero());
        assertThat(registers.memberYear(an, f.year)).satisfies(facts -> {
            assertThat(facts.items()).isEqualTo(2);
            assertThat(facts.fulfilled()).isEqualTo(1);
            assertThat(facts.exceeded()).isEqualTo(1);
            assertThat(facts.onTime()).isEqualTo(1);
            assertThat(facts.missed()).isEqualTo(1);
        });
    }

    @Test
    void aReturnPublishesReturnedWithTheComment(Scenario scenario) {
        UUID register = registers.draft(new DraftRegister(f.campaign, binh.value(), f.items()), Fixture.member(binh));
        registers.submit(register, Fixture.member(binh));
        scenario.stimulate(() -> registers.giveBack(register, new ReturnRegister("Chỉ tiêu cần đo được"),
                        f.secretary()))
                .andWaitForEventOfType(CommitmentReturned.class).matching(e -> e.register().equals(register))
                .toArriveAndVerify(e -> assertThat(e.comment()).isEqualTo("Chỉ tiêu cần đo được"));
        assertThat(registers.find(register).orElseThrow().status()).isEqualTo(RegisterStatus.RETURNED);
    }

    @Test
    void aTemplateReachesEveryActiveMemberOfTheSubtreeInOneAction(Scenario scenario) {
        MemberId other = f.tree.admit(f.tree.chapterB, "Lê", "Văn", "Cường");
        study.holdSession(new HoldSession(f.campaign, f.tree.chapterA.value(), f.on(2, 1), null,
                List.of(an.value())), f.secretary()); // nothing to do with templates: the list stays as it is
        registers.draft(new DraftRegister(f.campaign, an.value(), List.of(f.item("Của riêng tôi", 5))),
                Fixture.member(an));
        scenario.stimulate(() -> registers.cascade(new CascadeTemplate(f.campaign, f.tree.committee.value(),
                        f.items()), f.secretary()))
                .andWaitForEventOfType(CommitmentTemplateCascaded.class).matching(e -> e.campaign().equals(f.campaign))
                .toArriveAndVerify(e -> {
                    assertThat(e.registersCreated()).isEqualTo(2); // Bình and Cường (the member listed later too)
                    assertThat(e.registersUpdated()).isEqualTo(1); // An's draft
                    assertThat(e.items()).isEqualTo(2);
                });
        assertThat(registers.ofMember(an).get(0).items()).extracting(ItemView::content)
                .containsExactly("Của riêng tôi", "Giải quyết hồ sơ đúng hạn", "Không vi phạm quy chế");
        assertThat(registers.ofMember(other)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RegisterStatus.DRAFT);
            assertThat(r.items()).hasSize(2);
        });
    }

    @Test
    void adoptionAndAReviewPublishTheirEvents(Scenario scenario) {
        organizations.assignRole(f.tree.committee, new AssignRole(an.value(), OrganizationRole.SECRETARY,
                f.on(1, 2)));
        organizations.assignRole(f.tree.committee, new AssignRole(binh.value(), OrganizationRole.AGENCY_HEAD,
                f.on(1, 2)));
        UUID programme = programmes.create(new CreateProgramme(f.tree.committee.value(), f.resolution, f.year,
                "Chương trình hành động"), f.secretary());
        programmes.addTask(programme, new ProgrammeTask("Rà soát quy chế", "Văn phòng", f.on(6, 30)), f.secretary());
        scenario.stimulate(() -> programmes.adopt(programme, new AdoptProgramme(an.value(), binh.value(), f.on(2, 1)),
                        f.secretary()))
                .andWaitForEventOfType(ActionProgramAdopted.class).matching(e -> e.programme().equals(programme))
                .toArriveAndVerify(e -> {
                    assertThat(e.committeeSigner()).isEqualTo(an);
                    assertThat(e.agencyHeadSigner()).isEqualTo(binh);
                    assertThat(e.adoptedOn()).isEqualTo(f.on(2, 1));
                    assertThat(e.tasks()).isEqualTo(1);
                });
        scenario.stimulate(() -> programmes.recordReview(new RecordReview(f.tree.committee.value(),
                        "Quy chế làm việc của cơ quan", RegulationKind.RULE, ReviewDecision.AMEND, f.on(3, 1), null),
                        f.secretary()))
                .andWaitForEventOfType(RegulationReviewed.class).matching(e -> e.organization()
                        .equals(f.tree.committee))
                .toArriveAndVerify(e -> {
                    assertThat(e.decision()).isEqualTo(ReviewDecision.AMEND);
                    assertThat(e.year()).isEqualTo(f.year);
                });
        assertThat(programmes.organizationYear(f.tree.committee, f.year)).satisfies(facts -> {
            assertThat(facts.programmeAdopted()).isTrue();
            assertThat(facts.committeeSigned()).isTrue();
            assertThat(facts.agencyHeadSigned()).isTrue();
            assertThat(facts.regulationReviews()).isEqualTo(1);
        });
    }

    @Test
    void theDeadlineCheckPublishesEachOverdueItemOnce(Scenario scenario) {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.submit(register, Fixture.member(an));
        registers.approve(register, f.secretary());
        scenario.stimulate(() -> registers.findOverdue(f.on(4, 2)))
                .andWaitForEventOfType(CommitmentOverdue.class).matching(e -> e.register().equals(register))
                .toArriveAndVerify(e -> {
                    assertThat(e.deadline()).isEqualTo(f.on(3, 28));
                    assertThat(e.daysOverdue()).isEqualTo(5);
                    assertThat(e.progress()).isZero();
                });
        // a second run (another instance, the next day) reports nothing already reported
        assertThat(registers.findOverdue(f.on(4, 3))).isZero();
    }

    @Test
    void aBulkLoadPublishesOneEventWithItsCounts(Scenario scenario) {
        UUID resolution = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        scenario.stimulate(() -> bulk.load(sink -> {
                    sink.resolution(resolution, new CreateResolution("05-NQ/TW " + f.tree.prefix, "Thử", f.on(1, 1),
                            "Trung ương", null));
                    sink.campaign(campaign, resolution, f.tree.committee, f.on(1, 10), f.on(3, 31));
                    sink.duty(campaign, an, "Nguyễn Văn An", null, f.tree.chapterA, StudyStatus.ACTIVE, f.on(2, 1),
                            StudyHow.SESSION, null);
                }))
                .andWaitForEventOfType(CommitmentsBulkLoaded.class).matching(e -> e.campaigns() == 1)
                .toArriveAndVerify(e -> {
                    assertThat(e.duties()).isEqualTo(1);
                    assertThat(e.fromYear()).isEqualTo(f.year);
                });
        assertThat(study.rollup(campaign, f.tree.committee).studied()).isEqualTo(1);
    }
}
