package org.cadre.ratingrules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The criterion helpers the rules call read a level list ({@code "HTXS, HTT"}) without building a set per call: the
 * answer is the one of the list read as {@link SubjectFacts#codes} reads it, whatever the spacing and empty entries.
 */
class LevelListTests {

    @Test
    void aCodeIsListedExactlyWhenTheSetOfCodesHoldsIt() {
        List<String> lists = List.of("", ",", "HTXS", "HTXS,HTT", " HTXS , HTT ", "HTXS,,HTT,", ",HTT", "HTT ,",
                "HT", "HTXSX", "\tHTXS\n", "H TXS");
        List<String> codes = List.of("HTXS", "HTT", "HT", "", "HTXSX", " HTXS", "TXS");
        for (String list : lists) {
            for (String code : codes) {
                assertThat(SubjectFacts.listed(list, code)).as("'%s' in '%s'", code, list)
                        .isEqualTo(SubjectFacts.codes(list).contains(code));
            }
            assertThat(SubjectFacts.listed(list, null)).isFalse();
        }
    }

    @Test
    void groupsCountTheirRatedCriteriaAndAllOrAnyTestTheirLevels() {
        MemberFacts facts = new MemberFacts();
        facts.setCriterionLevels(Map.of("K1", "HTXS", "K2", "HTT", "N1", "KHT"));
        facts.setCriterionGroups(Map.of("K1", "KET_QUA", "K2", "KET_QUA", "N1", "NHIEM_VU"));

        assertThat(facts.ratedCriteria("KET_QUA")).isEqualTo(2);
        assertThat(facts.ratedCriteria("*")).isEqualTo(3);
        assertThat(facts.ratedCriteria("KHAC")).isZero();
        assertThat(facts.criteriaAllIn("KET_QUA", "HTXS, HTT")).isTrue();
        assertThat(facts.criteriaAllIn("KET_QUA", "HTXS")).isFalse();
        assertThat(facts.criteriaAllIn("KHAC", "HTXS,HTT,KHT")).as("an empty group is never all in").isFalse();
        assertThat(facts.criteriaAllIn("*", "HTXS,HTT,KHT")).isTrue();
        assertThat(facts.anyCriterionIn("*", "KHT")).isTrue();
        assertThat(facts.anyCriterionIn("KET_QUA", "KHT")).isFalse();
    }
}
