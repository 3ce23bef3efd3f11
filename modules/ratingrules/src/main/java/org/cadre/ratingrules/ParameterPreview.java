package org.cadre.ratingrules;

import java.util.List;

/**
 * What a parameter change would do, before it is saved: the scenarios whose outcome it changes (and those it
 * breaks, each with whether its expectation can be updated automatically), and how many subjects of the latest
 * classification run would change level.
 *
 * @param changes   the parameters whose value changes, with the values before and after
 * @param scenarios every scenario whose outcome changes or that fails with the new values
 * @param subjects  the impact on the latest run's subjects; {@link SubjectImpact#available()} is false when no run
 *                  exists for the pack's years (or no {@link RatedSubjects} is installed)
 */
public record ParameterPreview(String packId, int version, List<PackDiff.ParameterChange> changes,
        List<ScenarioChange> scenarios, SubjectImpact subjects) {

    public ParameterPreview {
        changes = List.copyOf(changes);
        scenarios = List.copyOf(scenarios);
    }

    /** Whether a scenario that passes today fails with the new values. */
    public boolean breaksScenarios() {
        return scenarios.stream().anyMatch(ScenarioChange::broken);
    }

    /**
     * A scenario whose outcome changes.
     *
     * @param subjects  the subjects whose outcome (a level code, {@code excluded} or {@code pending}) changes
     * @param after     the scenario's outcome with the new values (its failed expectations say what changed)
     * @param updatable whether its expectations can be rewritten to the new outcome automatically
     */
    public record ScenarioChange(String file, String name, boolean passedBefore, boolean passedAfter,
            List<SubjectChange> subjects, ScenarioOutcome after, boolean updatable) {

        public ScenarioChange {
            subjects = List.copyOf(subjects);
        }

        /** It passes with the current values and fails with the new ones. */
        public boolean broken() {
            return passedBefore && !passedAfter;
        }
    }

    /** A subject whose outcome changes: a level code, {@code excluded} or {@code pending}. */
    public record SubjectChange(String subject, String before, String after) {
    }

    /**
     * The latest run's subjects rated with the current and with the new values.
     *
     * @param year        the run's year, {@code null} when none is available
     * @param rated       how many subjects were rated
     * @param changed     how many of them would change
     * @param transitions how many moved from one outcome to another, most first
     */
    public record SubjectImpact(boolean available, Integer year, int rated, int changed,
            List<Transition> transitions) {

        public SubjectImpact {
            transitions = List.copyOf(transitions);
        }

        public static SubjectImpact none() {
            return new SubjectImpact(false, null, 0, 0, List.of());
        }
    }

    /** {@code count} subjects go from {@code before} to {@code after}. */
    public record Transition(String before, String after, int count) {
    }
}
