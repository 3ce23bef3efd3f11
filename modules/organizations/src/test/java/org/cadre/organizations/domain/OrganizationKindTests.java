package org.cadre.organizations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.organizations.OrganizationKind.BLOC_COMMITTEE;
import static org.cadre.organizations.OrganizationKind.CHAPTER;
import static org.cadre.organizations.OrganizationKind.GRASSROOTS_CHAPTER;
import static org.cadre.organizations.OrganizationKind.GRASSROOTS_COMMITTEE;
import static org.cadre.organizations.OrganizationKind.SUB_COMMITTEE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cadre.organizations.OrganizationKind;
import org.junit.jupiter.api.Test;

/** The shape of a bloc's tree (glossary: đảng bộ cơ sở, chi bộ cơ sở, đảng bộ bộ phận, chi bộ trực thuộc). */
class OrganizationKindTests {

    @Test
    void onlyChaptersHoldMembersAndOnlyCommitteesHaveChildren() {
        assertThat(kinds(OrganizationKind::holdsMembers)).containsExactlyInAnyOrder(CHAPTER, GRASSROOTS_CHAPTER);
        assertThat(kinds(OrganizationKind::mayHaveChildren))
                .containsExactlyInAnyOrder(BLOC_COMMITTEE, GRASSROOTS_COMMITTEE, SUB_COMMITTEE);
        assertThat(kinds(OrganizationKind::isGrassroots))
                .containsExactlyInAnyOrder(GRASSROOTS_COMMITTEE, GRASSROOTS_CHAPTER);
    }

    @Test
    void eachKindHasItsPlacesInTheTree() {
        assertThat(parentsOf(BLOC_COMMITTEE)).isEmpty();
        assertThat(parentsOf(GRASSROOTS_COMMITTEE)).containsExactly(BLOC_COMMITTEE);
        assertThat(parentsOf(GRASSROOTS_CHAPTER)).containsExactly(BLOC_COMMITTEE);
        assertThat(parentsOf(SUB_COMMITTEE)).containsExactly(GRASSROOTS_COMMITTEE);
        assertThat(parentsOf(CHAPTER)).containsExactlyInAnyOrder(GRASSROOTS_COMMITTEE, SUB_COMMITTEE);

        assertThat(kinds(kind -> kind.mayBeUnder(null)))
                .containsExactlyInAnyOrder(BLOC_COMMITTEE, GRASSROOTS_COMMITTEE, GRASSROOTS_CHAPTER);
    }

    @Test
    void nothingSitsUnderAKindThatHasNoChildren() {
        for (OrganizationKind parent : OrganizationKind.values()) {
            if (!parent.mayHaveChildren()) {
                assertThat(kinds(kind -> kind.mayBeUnder(parent))).as("under %s", parent).isEmpty();
            }
        }
    }

    private static Set<OrganizationKind> parentsOf(OrganizationKind kind) {
        return kinds(kind::mayBeUnder);
    }

    private static Set<OrganizationKind> kinds(Predicate<OrganizationKind> test) {
        return Arrays.stream(OrganizationKind.values()).filter(test)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrganizationKind.class)));
    }
}
