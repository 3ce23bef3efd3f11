package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.EndMembership;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** "100% of cadres and members must study": the roll-up counts only the members who must (active ones). */
@CommitmentsModuleTest
class StudyRollupTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    Clock clock;

    @Test
    void aHundredPercentCountsOnlyTheMembersWhoMustStudy(Scenario scenario) {
        Fixture f = new Fixture(organizations, members, study, clock);
        MemberId an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        MemberId binh = f.tree.admit(f.tree.chapterA, "Trần", "Thị", "Bình");
        MemberId cuong = f.tree.admit(f.tree.chapterB, "Lê", "Văn", "Cường");
        MemberId old = f.tree.admit(f.tree.chapterB, "Hồ", "Văn", "Thọ");
        MemberId gone = f.tree.admit(f.tree.chapterB, "Đỗ", "Văn", "Đi");
        members.exempt(old, new DatedChange(f.today.minusDays(1), "Tuổi cao, sức yếu"));
        f.open();
        scenario.stimulate(() -> members.end(gone, new EndMembership(MemberStatus.LEFT, f.today, "Chuyển công tác",
                        "3-QĐ/ĐU")))
                .andWaitForStateChange(() -> study.duties(f.campaign, f.tree.committee).stream()
                        .filter(d -> d.member().equals(gone)).map(DutyView::status).findFirst(),
                        s -> s.equals(Optional.of(StudyStatus.LEFT)));

        study.holdSession(new HoldSession(f.campaign, f.tree.chapterA.value(), f.on(2, 14), "Hội nghị học tập",
                List.of(an.value(), binh.value())), f.secretary());
        StudyRollup partial = study.rollup(f.campaign, f.tree.committee);
        assertThat(partial.mustStudy()).isEqualTo(3);
        assertThat(partial.studied()).isEqualTo(2);
        assertThat(partial.notCounted()).isEqualTo(2); // the exempt member and the one who left
        assertThat(partial.percent()).isEqualTo(66);
        assertThat(study.stillToStudy(f.campaign, f.tree.committee)).extracting(DutyView::member)
                .containsExactly(cuong);

        study.recordLateStudy(new RecordLateStudy(f.campaign, cuong.value(), f.on(3, 1), "Học bù, viết thu hoạch"),
                f.secretary());
        StudyRollup complete = study.rollup(f.campaign, f.tree.committee);
        assertThat(complete.studied()).isEqualTo(3);
        assertThat(complete.percent()).isEqualTo(100); // the exempt member never studied, and need not
        assertThat(study.stillToStudy(f.campaign, f.tree.committee)).isEmpty();
        assertThat(study.rollups(f.campaign, List.of(f.tree.chapterA, f.tree.chapterB)))
                .extracting(StudyRollup::mustStudy, StudyRollup::studied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(1, 1));
    }
}
