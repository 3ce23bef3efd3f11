package org.cadre.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.review.ChapterReviewTests.refused;

import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.DecisionStatus;
import org.cadre.evaluation.DecisionSummary;
import org.cadre.evaluation.DecisionView;
import org.cadre.evaluation.Decisions;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.ReviewForm;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list the competent level signed locks the chapter's review of its members, through the real decisions: the
 * review fixture's cycle and its run give the grassroots committee a members' list (An, Bình, Cường), which an
 * administrator (of the competent level for every list) signs. A draft list locks nothing. The fixture's scope holds a
 * single grassroots organization, so the unsigned list of another grassroots organization comes from a second
 * fixture.
 */
@ReviewModuleTest
class ReviewLockTests {

    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);

    @Autowired
    ChapterReviews reviews;
    @Autowired
    Decisions decisions;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedListLocksTheReviewOfItsMembersAndOnlyThose() {
        ReviewFixture f = new ReviewFixture(organizations, members, registry, jdbc);
        ReviewFixture other = new ReviewFixture(organizations, members, registry, jdbc);
        Caller secretary = f.secretaryOf(f.chapterA);

        // the draft list holding An is open: the chapter still proposes
        DecisionSummary list = memberList(f);
        assertThat(list.status()).isEqualTo(DecisionStatus.DRAFT);
        assertThat(reviews.member(f.cycle, f.an.value(), secretary).decided()).isFalse();
        reviews.propose(f.cycle, f.an.value(), new ReviewForm(null, "HTTNV", null), secretary);

        DecisionView signed = decisions.sign(f.cycle, list.id(), "7-QĐ/ĐU", ADMIN);
        assertThat(signed.items()).extracting(DecisionView.Item::subject)
                .contains(f.an.value(), f.binh.value(), f.cuong.value());
        assertThat(decisions.signedLevel(f.cycle, f.an.value())).isPresent();

        var locked = reviews.member(f.cycle, f.an.value(), secretary);
        assertThat(locked.decided()).isTrue();
        assertThat(locked.editable()).isFalse();
        String before = f.snapshot();
        refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm(null, "HTXSNV", "Lý do"), secretary),
                EvaluationRefusal.REVIEW_LOCKED);
        refused(() -> reviews.saveDraft(f.cycle, f.binh.value(), new ReviewForm("Nháp", "HTTNV", null),
                f.secretaryOf(f.chapterA)), EvaluationRefusal.REVIEW_LOCKED);
        refused(() -> reviews.propose(f.cycle, f.cuong.value(), new ReviewForm(null, "HTNV", null), ADMIN),
                EvaluationRefusal.REVIEW_LOCKED);
        assertThat(f.snapshot()).isEqualTo(before);

        // a member of another grassroots organization, whose list is a draft, stays editable
        Caller otherSecretary = other.secretaryOf(other.chapterA);
        assertThat(memberList(other).status()).isEqualTo(DecisionStatus.DRAFT);
        var open = reviews.member(other.cycle, other.an.value(), otherSecretary);
        assertThat(open.decided()).isFalse();
        assertThat(open.editable()).isTrue();
        reviews.propose(other.cycle, other.an.value(), new ReviewForm(null, "HTXSNV", "Dẫn đầu phong trào."),
                otherSecretary);
        assertThat(jdbc.sql("SELECT level FROM evaluation.chapter_review WHERE cycle_id = :cycle AND member_id = :m")
                .param("cycle", other.cycle).param("m", other.an.value()).query(String.class).single())
                .isEqualTo("HTXSNV");
    }

    /** The members' list of the fixture's grassroots committee, opened as a draft by listing the lists. */
    private DecisionSummary memberList(ReviewFixture f) {
        return decisions.lists(f.cycle, ADMIN).stream()
                .filter(s -> s.organization().equals(f.committee.value()) && s.kind().equals("MEMBER"))
                .findFirst().orElseThrow();
    }
}
