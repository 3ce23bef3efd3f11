package org.cadre.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.evaluation.review.ChapterReviewTests.refused;

import java.util.UUID;
import org.cadre.evaluation.ChapterReviews;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.ReviewForm;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A list the competent level signed locks the chapter's review of its members. The decisions' tables come with
 * migration V11 (another branch): until then nothing is decided, and this test stands them in with the columns the
 * lock reads, inside a transaction it rolls back. Once V11 exists the test is skipped: the decisions' own tests sign
 * a real list.
 */
@ReviewModuleTest
class ReviewLockTests {

    @Autowired
    ChapterReviews reviews;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void withoutTheDecisionsTablesNothingIsDecidedAndASignedListLocksTheReview() {
        Assumptions.assumeTrue(jdbc.sql("SELECT to_regclass('evaluation.decision') IS NULL").query(Boolean.class)
                .single(), "the decisions migration is here: its own tests cover the lock");
        ReviewFixture f = new ReviewFixture(organizations, members, registry, jdbc);
        Caller secretary = f.secretaryOf(f.chapterA);
        assertThat(reviews.member(f.cycle, f.an.value(), secretary).decided()).isFalse();
        reviews.propose(f.cycle, f.an.value(), new ReviewForm(null, "HTTNV", null), secretary);

        transactions.executeWithoutResult(tx -> {
            UUID decision = UUID.randomUUID();
            jdbc.sql("""
                    CREATE TABLE evaluation.decision (decision_id UUID PRIMARY KEY, cycle_id UUID, status VARCHAR(20));
                    CREATE TABLE evaluation.decision_item (decision_id UUID, subject_id UUID);
                    """).update();
            jdbc.sql("INSERT INTO evaluation.decision VALUES (:id, :cycle, 'SIGNED')").param("id", decision)
                    .param("cycle", f.cycle).update();
            jdbc.sql("INSERT INTO evaluation.decision_item VALUES (:id, :member)").param("id", decision)
                    .param("member", f.an.value()).update();
            String before = f.snapshot();
            var locked = reviews.member(f.cycle, f.an.value(), secretary);
            assertThat(locked.decided()).isTrue();
            assertThat(locked.editable()).isFalse();
            assertThat(reviews.member(f.cycle, f.binh.value(), secretary).decided()).isFalse();
            refused(() -> reviews.propose(f.cycle, f.an.value(), new ReviewForm(null, "HTXSNV", "Lý do"), secretary),
                    EvaluationRefusal.REVIEW_LOCKED);
            assertThat(f.snapshot()).isEqualTo(before);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT to_regclass('evaluation.decision') IS NULL").query(Boolean.class).single())
                .isTrue();
    }
}
