package org.cadre.ratingrules.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.ParameterPreview;
import org.cadre.ratingrules.ScenarioOutcome;

/**
 * A parameter preview in the reader's language: the changed parameters by label, each scenario whose outcome
 * changes (the broken ones first, with what their expectation said and what the rules now give), and the
 * subjects of the latest run that would change level.
 *
 * @param broken   the files of the scenarios the change breaks, joined by '|', sent back with the save
 * @param subjects one sentence on the latest run's subjects
 */
record PreviewView(List<DiffView.Parameter> changes, List<Scenario> scenarios, String broken, boolean anyBroken,
        String subjects, List<String> transitions) {

    /**
     * @param mismatches what each failed expectation expected and what it gets now
     * @param moves      subjects whose outcome changes: "m1: Pass (PASS) → Fail (FAIL)"
     * @param keep       the text of the choice that keeps the old values
     */
    record Scenario(String file, String name, boolean broken, boolean failing, boolean updatable,
            List<String> mismatches, List<String> moves, String keep) {
    }

    static PreviewView of(ParameterPreview preview, List<PackParameter> parameters, String years,
            Wording wording) {
        Map<String, PackParameter> declared = parameters.stream()
                .collect(Collectors.toMap(PackParameter::name, Function.identity()));
        List<DiffView.Parameter> changes = DiffView.of(new org.cadre.ratingrules.PackDiff(preview.packId(),
                preview.version(), preview.version(), List.of(), preview.changes()), declared, wording).parameters();
        String oldValues = changes.stream().map(c -> c.label() + " = " + c.before())
                .collect(Collectors.joining("; "));
        List<Scenario> scenarios = new ArrayList<>();
        preview.scenarios().stream()
                .sorted(java.util.Comparator.comparing((ParameterPreview.ScenarioChange c) -> !c.broken())
                        .thenComparing(c -> c.passedAfter()))
                .forEach(change -> {
                    List<String> mismatches = new ArrayList<>();
                    for (ScenarioOutcome.Expectation e : change.after().expectations()) {
                        if (!e.passed()) {
                            mismatches.add(e.subject() + ": " + String.join("; ", wording.mismatches(e)));
                        }
                    }
                    if (change.after().error() != null) {
                        mismatches.add(change.after().error());
                    }
                    List<String> moves = change.subjects().stream().map(m -> m.subject() + ": "
                            + wording.outcome(m.before()) + " → " + wording.outcome(m.after())).toList();
                    scenarios.add(new Scenario(change.file(), change.name(), change.broken(),
                            !change.passedAfter(), change.updatable(), mismatches, moves,
                            wording.message("ratingrules.preview.keep", oldValues)));
                });
        String broken = preview.scenarios().stream().filter(ParameterPreview.ScenarioChange::broken)
                .map(ParameterPreview.ScenarioChange::file).collect(Collectors.joining("|"));
        ParameterPreview.SubjectImpact impact = preview.subjects();
        String subjects;
        List<String> transitions = List.of();
        if (!impact.available()) {
            subjects = wording.message("ratingrules.preview.noRun", years);
        } else {
            subjects = wording.message("ratingrules.preview.subjects", String.valueOf(impact.year()),
                    impact.changed(), impact.rated());
            transitions = impact.transitions().stream().map(t -> wording.message("ratingrules.preview.transition",
                    t.count(), wording.outcome(t.before()), wording.outcome(t.after()))).toList();
        }
        return new PreviewView(changes, scenarios, broken, !broken.isEmpty(), subjects, transitions);
    }
}
