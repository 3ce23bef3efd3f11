package org.cadre.evaluation.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.ratingrules.FiredRule;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Discipline;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored rating leaves out what equals its default, and reads back exactly what was rated: every fact the rules
 * were given (compared property by property through a mapper that writes everything) and the explanation.
 */
class RatingJsonTests {

    /** Writes every property, defaults and nulls included: the yardstick for "the same facts". */
    private static final JsonMapper EVERYTHING = JsonMapper.builder().build();

    @Test
    void aMembersFactsReadBackTheSameWithTheirDefaultsLeftOut() {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId("0f8e6c1e-5d1a-4a53-9d0e-1c2b3a4d5e6f");
        facts.setYear(2024);
        facts.setOrganizationId("5b9a1d0e-0000-4000-8000-000000000001");
        facts.setCommitmentItems(3);
        facts.setCommitmentItemsFulfilled(2);
        facts.setWorksInPoliticalSystem(false); // true in a new MemberFacts: false must be written
        facts.setCriterionLevels(Map.of("NHIEM_VU", "TOT", "CAM_KET", "XUAT_SAC"));
        facts.setDisciplines(List.of(new Discipline("CANH_CAO", LocalDate.of(2024, 5, 20), null, true)));

        String json = RatingJson.write(facts);
        MemberFacts back = RatingJson.memberFacts(json);

        assertThat(EVERYTHING.writeValueAsString(back)).isEqualTo(EVERYTHING.writeValueAsString(facts));
        assertThat(json).contains("\"worksInPoliticalSystem\":false", "\"commitmentItems\":3", "CANH_CAO")
                .doesNotContain("\"reminders\"", "\"exempt\"", "\"ledOrganizationId\"");
        assertThat(json.length()).isLessThan(EVERYTHING.writeValueAsString(facts).length() / 2);
    }

    @Test
    void aNewMembersDefaultsSurviveBeingLeftOut() {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId("0f8e6c1e-5d1a-4a53-9d0e-1c2b3a4d5e70");

        MemberFacts back = RatingJson.memberFacts(RatingJson.write(facts));

        assertThat(back.isWorksInPoliticalSystem()).isTrue();
        assertThat(EVERYTHING.writeValueAsString(back)).isEqualTo(EVERYTHING.writeValueAsString(facts));
    }

    @Test
    void anOrganizationsFactsReadBackTheSame() {
        OrganizationFacts facts = new OrganizationFacts();
        facts.setSubjectId("5b9a1d0e-0000-4000-8000-000000000002");
        facts.setYear(2024);
        facts.setMemberCount(36);
        facts.setSubOrganizationCount(4);
        facts.setCriterionLevels(Map.of("DOAN_KET", "TOT"));

        OrganizationFacts back = RatingJson.organizationFacts(RatingJson.write(facts));

        assertThat(EVERYTHING.writeValueAsString(back)).isEqualTo(EVERYTHING.writeValueAsString(facts));
    }

    @Test
    void anExplanationReadsBackEqualWithoutItsNulls() {
        SubjectRating rating = new SubjectRating("0f8e6c1e-5d1a-4a53-9d0e-1c2b3a4d5e6f", Proposal.Subject.MEMBER,
                null, Map.of(), null, false, true,
                List.of(new Reason(Reason.Effect.QUALIFIES, "L2", "R-1", "Tiêu chí", "Điều 12", null),
                        new Reason(Reason.Effect.PENDING, null, "R-2", "Chờ", "Điều 3", "Chưa nộp")),
                1, List.of(new FiredRule("R-1", "R-1 name", "Tiêu chí", "Điều 12", List.of("x"),
                        Map.of("value", "null"))));

        String json = RatingJson.write(rating);

        assertThat(RatingJson.explanation(json)).isEqualTo(rating);
        assertThat(json).doesNotContain(":null");
    }
}
