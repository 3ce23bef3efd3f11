package org.cadre.ratingrules;

import java.util.List;
import java.util.Optional;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;

/**
 * The subjects of the latest classification run, for the parameter preview to say how many real members and
 * organizations a change would move to another level. Optional: this module defines it and works without it (the
 * preview then compares the pack's scenarios only and says that no run exists yet); the module that runs
 * classifications (evaluation, which depends on this one) implements it as a bean once it stores its facts.
 */
public interface RatedSubjects {

    /**
     * The facts of the latest year within {@code yearFrom}..{@code yearTo} for which a classification run stored
     * them, as that run rated them: every member and organization of the year, so quotas and organizations are
     * rated as the run rated them. Empty when no run exists for those years.
     *
     * @param yearTo {@code null} for an open-ended pack
     */
    Optional<Batch> latest(int yearFrom, Integer yearTo);

    /** A year's subjects, rated together. */
    record Batch(int year, List<MemberFacts> members, List<OrganizationFacts> organizations) {

        public Batch {
            members = List.copyOf(members);
            organizations = List.copyOf(organizations);
        }
    }
}
