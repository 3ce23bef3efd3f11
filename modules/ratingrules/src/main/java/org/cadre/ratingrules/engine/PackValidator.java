package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.ScenarioOutcome;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.pack.DrlGuard;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.ParameterFile;
import org.cadre.ratingrules.pack.Scenario;
import org.cadre.ratingrules.pack.ScenarioReader;

/**
 * Validates a pack from its files: manifest, parameter values, the forbidden-construct check of every DRL file,
 * decision tables, compilation, then every scenario. The pack is valid only when nothing is wrong and every scenario
 * passes; then the compiled pack is handed back, ready to activate (the caller closes it).
 */
public final class PackValidator {

    private final PackCompiler compiler;

    public PackValidator() {
        this(CompiledPackCache.NONE);
    }

    /** A validator whose compilations are looked up in, and stored into, {@code cache}. */
    public PackValidator(CompiledPackCache cache) {
        this.compiler = new PackCompiler(cache);
    }

    /** The report, and the compiled pack when the report is valid (otherwise {@code null}, already disposed). */
    public record Validation(ValidationReport report, CompiledPack pack, Manifest manifest,
            Map<String, Object> parameters) {
    }

    /** The most rules a pack may hold (in DRL files and decision tables together). */
    public static final int MAX_RULES = 1000;
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+[\"']");

    private static final Pattern PARAMETER_USE = Pattern.compile(
            "params\\s*\\.\\s*(?:number|integer|flag|text)\\s*\\(\\s*\"([^\"]*)\"");

    /**
     * Parameters the rules read that the manifest does not declare: a typo there would otherwise fail every subject
     * of every evaluation; here it is a problem on its line.
     */
    static List<PackProblem> undeclaredParameters(Manifest manifest, PackFiles files) {
        List<PackProblem> problems = new ArrayList<>();
        for (String path : files.paths()) {
            String drl = path.endsWith(".drl") ? files.text(path) : null;
            if (path.endsWith(".xlsx")) {
                try {
                    drl = DecisionTables.toDrl(files.bytes(path));
                } catch (RuntimeException e) {
                    continue; // the table's own check reports it
                }
            }
            if (drl == null) {
                continue;
            }
            List<String> lines = drl.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher use = PARAMETER_USE.matcher(lines.get(i));
                while (use.find()) {
                    if (manifest.parameter(use.group(1)).isEmpty()) {
                        problems.add(PackProblem.of(path, path.endsWith(".drl") ? i + 1 : 0, "",
                                "undeclared-parameter", "the rules read the parameter '" + use.group(1)
                                        + "', which pack.yaml does not declare", use.group(1)));
                    }
                }
            }
        }
        return problems;
    }

    /** Rules declared in DRL text: each {@code rule "name"} at the start of a line. */
    static int countRules(String drl) {
        int count = 0;
        for (Matcher matcher = RULE.matcher(drl); matcher.find(); ) {
            count++;
        }
        return count;
    }

    /** How far a validation is: the checks, the compilation, then each scenario. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void at(int done, int total);
    }

    public Validation validate(PackFiles files) {
        return validate(files, Progress.NONE);
    }

    public Validation validate(PackFiles files, Progress progress) {
        List<PackProblem> problems = new ArrayList<>();
        ManifestReader.Result read = ManifestReader.read(files);
        if (!read.ok()) {
            return new Validation(new ValidationReport(null, null, read.problems(), List.of(), 0), null, null, null);
        }
        Manifest manifest = read.manifest();
        Map<String, Object> parameters = ParameterFile.values(manifest, files, problems);
        int rules = 0;
        for (String path : files.paths()) {
            if (path.endsWith(".drl")) {
                problems.addAll(DrlGuard.check(path, files.text(path)));
                problems.addAll(JoinCheck.check(path, files.text(path)));
                rules += countRules(files.text(path));
            } else if (path.endsWith(".xlsx")) {
                List<PackProblem> table = DecisionTables.check(path, files.bytes(path));
                problems.addAll(table);
                if (table.isEmpty()) {
                    String generated = DecisionTables.toDrl(files.bytes(path));
                    problems.addAll(JoinCheck.check(path, generated));
                    rules += countRules(generated);
                }
            }
        }
        problems.addAll(undeclaredParameters(manifest, files));
        if (rules > MAX_RULES) {
            // compiling and testing thousands of rules takes minutes: no regulation has that many criteria
            problems.add(PackProblem.of("", 0, "", "too-many-rules", "the pack has " + rules + " rules, more than "
                    + MAX_RULES + " a pack may have", rules, MAX_RULES));
        }
        List<Scenario> scenarios = ScenarioReader.readAll(files, manifest, problems);
        if (files.paths("scenarios/", "yaml", "yml").isEmpty()) {
            problems.add(PackProblem.of("scenarios/", 0, "", "no-scenarios",
                    "the pack has no scenario: scenarios/*.yaml must prove its rules"));
        }
        if (!problems.isEmpty()) {
            return report(manifest, problems, List.of(), 0, null, parameters);
        }
        int steps = 2 + scenarios.size();
        progress.at(1, steps);
        PackCompiler.Result compiled = compiler.compile(manifest, files);
        if (compiled.pack() == null) {
            return report(manifest, compiled.problems(), List.of(), 0, null, parameters);
        }
        progress.at(2, steps);
        CompiledPack pack = compiled.pack();
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        try {
            for (Scenario scenario : scenarios) {
                outcomes.add(ScenarioRunner.run(pack, parameters, scenario));
                progress.at(2 + outcomes.size(), steps);
            }
        } catch (RuntimeException e) {
            pack.close();
            throw e;
        }
        return report(manifest, List.of(), outcomes, pack.compileMillis(), pack, parameters);
    }

    /**
     * Compiles a pack that was validated before (from the registry), without running its scenarios again. The
     * report lists problems when it no longer compiles (for example after a change of the facts contract).
     */
    public Validation load(PackFiles files) {
        List<PackProblem> problems = new ArrayList<>();
        ManifestReader.Result read = ManifestReader.read(files);
        if (!read.ok()) {
            return new Validation(new ValidationReport(null, null, read.problems(), List.of(), 0), null, null, null);
        }
        Map<String, Object> parameters = ParameterFile.values(read.manifest(), files, problems);
        if (!problems.isEmpty()) {
            return report(read.manifest(), problems, List.of(), 0, null, parameters);
        }
        PackCompiler.Result compiled = compiler.compile(read.manifest(), files);
        return new Validation(new ValidationReport(read.manifest().id(), read.manifest().version(),
                compiled.problems(), List.of(), compiled.pack() == null ? 0 : compiled.pack().compileMillis()),
                compiled.pack(), read.manifest(), new LinkedHashMap<>(parameters));
    }

    /** Runs the scenarios of a pack against an already compiled pack (for the "run scenarios" page). */
    public List<ScenarioOutcome> runScenarios(CompiledPack pack, PackFiles files) {
        List<PackProblem> problems = new ArrayList<>();
        Map<String, Object> parameters = ParameterFile.values(pack.manifest(), files, problems);
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (Scenario scenario : ScenarioReader.readAll(files, pack.manifest(), problems)) {
            outcomes.add(ScenarioRunner.run(pack, parameters, scenario));
        }
        return outcomes;
    }

    /**
     * Runs one scenario against a compiled pack with the given parameter values (the scenario's own overrides on
     * top): the parameter preview runs each scenario with the current and with the proposed values.
     */
    public ScenarioOutcome runScenario(CompiledPack pack, Map<String, Object> parameters, Scenario scenario) {
        return ScenarioRunner.run(pack, parameters, scenario);
    }

    private static Validation report(Manifest manifest, List<PackProblem> problems, List<ScenarioOutcome> outcomes,
            long millis, CompiledPack pack, Map<String, Object> parameters) {
        ValidationReport report = new ValidationReport(manifest.id(), manifest.version(), problems, outcomes, millis);
        if (!report.valid() && pack != null) {
            pack.close();
            pack = null;
        }
        return new Validation(report, pack, manifest, new LinkedHashMap<>(parameters));
    }
}
