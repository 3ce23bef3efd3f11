package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.cadre.organizations.DatedChange;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roll-ups and boards group by the organization recorded on the duty: a member listed under a chapter that has been
 * dissolved since is still counted in the committee the chapter was under, though today's tree no longer holds it.
 */
@CommitmentsModuleTest
class DissolvedOrganizationTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;
    OrganizationId gone;

    @BeforeEach
    void aDutyRecordedUnderAChapterDissolvedSince() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        f.tree.admit(f.tree.chapterA, "Trần", "Thị", "Bình");
        f.open();
        gone = organizations.findByCode(f.tree.chapters(1).get(0)).orElseThrow().id();
        organizations.dissolve(gone, new DatedChange(f.today, "Hợp nhất vào chi bộ A", "01-QĐ"));
        // An's duty as it stands for a year in which An belonged to the chapter dissolved since
        jdbc.sql("UPDATE commitments.duty SET organization_id = :gone WHERE campaign_id = :c AND member_id = :m")
                .param("gone", gone.value()).param("c", f.campaign).param("m", an.value()).update();
    }

    @Test
    void theCommitteeStillCountsTheMembersOfItsDissolvedChapter() {
        assertThat(organizations.find(gone).orElseThrow().dissolved()).isTrue();
        StudyRollup committee = study.rollup(f.campaign, f.tree.committee);
        assertThat(committee.mustStudy()).isEqualTo(2);
        assertThat(study.rollups(f.campaign, List.of(f.tree.committee, f.tree.chapterA)))
                .extracting(StudyRollup::mustStudy).containsExactly(2, 1);
        assertThat(study.duties(f.campaign, f.tree.committee)).extracting(DutyView::member).contains(an);
        assertThat(study.duties(f.campaign, f.tree.committee, 1, 50).total()).isEqualTo(2);
        assertThat(study.stillToStudy(f.campaign, f.tree.committee)).extracting(DutyView::member).contains(an);

        // and the committee's secretary records An's study: the attendee is within the committee's subtree
        study.holdSession(new HoldSession(f.campaign, f.tree.committee.value(), f.today, "Học tập nghị quyết",
                List.of(an.value())), f.secretary());
        assertThat(study.rollup(f.campaign, f.tree.committee).studied()).isEqualTo(1);
    }
}
