package org.cadre.ratingrules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;

/**
 * The registry of rule packs, for the pages and the API of rule administrators: versions (immutable once stored),
 * upload, edits that make new versions, validation, activation with rollback, diff and audit. Refusals are
 * {@link org.cadre.platform.Refused} with a {@link RatingRulesRefusal}; a refused pack carries its problems
 * ({@link PackRefusals}).
 */
public interface RulePackRegistry {

    List<PackSummary> packs();

    List<PackVersion> versions(String packId);

    PackVersion version(String packId, int version);

    /** The files of a version, by path. */
    Map<String, byte[]> files(String packId, int version);

    /** The parameters of a version, declarations and current values, for the parameter form. */
    List<PackParameter> parameters(String packId, int version);

    /** The rules of a version: name, id, criterion, article (compiles the version). */
    List<RuleInfo> rules(String packId, int version);

    /** A rule of a pack. */
    record RuleInfo(String name, String id, String criterion, String article) {
    }

    /**
     * Stores an uploaded zip as a new version (the version in its {@code pack.yaml} must be new). A pack that does
     * not validate is stored as a draft and refused with its problems; a zip that is unsafe is refused and not
     * stored.
     */
    PackVersion upload(byte[] zip, String author);

    /** A new version from {@code baseVersion} with one file replaced or added (DRL, YAML, XLSX). */
    PackVersion saveFile(String packId, int baseVersion, String path, byte[] content, String author);

    /**
     * Queues an upload on the job table: the zip is checked at once (safe, a readable {@code pack.yaml}, a new
     * version), then a job validates it (compile, every scenario) with its progress, stores it (a draft when it does
     * not validate) and activates it if asked. Its result is a {@link PackJobResult}.
     *
     * @throws org.cadre.platform.Refused what the immediate checks refuse; {@code platform.jobs-busy}
     */
    JobId submitUpload(byte[] zip, boolean activate, Caller caller);

    /** Queues {@link #saveFile} as a job, like {@link #submitUpload}: the path and the base version checked at once. */
    default JobId submitFile(String packId, int baseVersion, String path, byte[] content, boolean activate,
            Caller caller) {
        return submitFiles(packId, baseVersion, Map.of(path == null ? "" : path, content), activate, caller);
    }

    /**
     * Queues an edit of several files at once (path to new content): they make <b>one</b> new version, validated as
     * a whole, so a change that spans a rule and its scenario never leaves an invalid version in between. The paths
     * and the base version are checked at once.
     */
    JobId submitFiles(String packId, int baseVersion, Map<String, byte[]> files, boolean activate, Caller caller);

    /** A job of {@link #submitUpload} or {@link #submitFile}, if it is the caller's (or the caller administers). */
    Optional<Job> job(JobId id, Caller caller);

    /** What a finished job stored, once it succeeded. */
    Optional<PackJobResult> result(Job job);

    /** A new version from {@code baseVersion} with parameter values changed (written to {@code parameters.yaml}). */
    PackVersion changeParameters(String packId, int baseVersion, Map<String, String> values, String author);

    /**
     * What a parameter change would do, before it is saved, with nothing stored: every scenario run with the current
     * and with the new values (those whose outcome changes, or that fail), and the subjects of the latest
     * classification run of the pack's years rated both ways when a {@link RatedSubjects} provides them.
     *
     * @throws org.cadre.platform.Refused {@code invalid-parameters} with the problems of a value;
     *                                    {@code invalid-pack} when the version does not compile
     */
    ParameterPreview previewParameters(String packId, int version, Map<String, String> values);

    /** What to do with a scenario a parameter change breaks, without editing its YAML. */
    enum ScenarioResolution {
        /** The scenario keeps the old value: it is written into the scenario's {@code parameters:} override. */
        KEEP_OLD_VALUE,
        /** The scenario's expectations follow the change: rewritten to what the rules now give. */
        UPDATE_EXPECTATION
    }

    /**
     * A parameter change and, in the same new version, the scenarios it breaks resolved one by one (keyed by the
     * scenario's file). The scenario files are edited as text: their comments stay.
     *
     * @throws org.cadre.platform.Refused {@code file-not-found} for a resolution naming no scenario of the version;
     *                                    {@code scenario-not-editable} when an expectation cannot be rewritten (keep
     *                                    the old value instead); as {@link #changeParameters(String, int, Map,
     *                                    String)} otherwise
     */
    PackVersion changeParameters(String packId, int baseVersion, Map<String, String> values,
            Map<String, ScenarioResolution> resolutions, String author);

    /**
     * Rates the subjects of one scenario of a version, with its parameters: the ratings as a classification run
     * would give them, each with its explanation, for a committee to read what a member would read.
     *
     * @throws org.cadre.platform.Refused {@code file-not-found} when the version has no such scenario;
     *                                    {@code invalid-pack} when the version does not compile
     */
    ScenarioRun runScenario(String packId, int version, String file);

    /**
     * The levels of a version's scales, highest first, for each subject it rates: code and label by language. Empty
     * when its manifest does not read.
     */
    Map<String, List<Level>> scales(String packId, int version);

    /**
     * The criteria chapters rate in a version (id, subject, group, label by language, article) and the levels of
     * its criterion scale, highest first: what a page offers and an entry is checked against. Empty when its
     * manifest does not read. Read from the version's stored files, which never change.
     */
    default Criteria criteria(String packId, int version) {
        org.cadre.ratingrules.pack.ManifestReader.Result read = org.cadre.ratingrules.pack.ManifestReader
                .read(org.cadre.ratingrules.pack.PackFiles.of(files(packId, version)));
        if (!read.ok()) {
            return new Criteria(List.of(), List.of());
        }
        return new Criteria(read.manifest().criteria().stream().map(c -> new Criterion(c.id(), c.subject().name(),
                c.group(), c.label(), c.article())).toList(), read.manifest().criterionScale().stream()
                .map(level -> new Level(level.code(), level.label())).toList());
    }

    /** The criteria of a version and its criterion scale ({@link #criteria(String, int)}). */
    record Criteria(List<Criterion> criteria, List<Level> scale) {

        public Criteria {
            criteria = List.copyOf(criteria);
            scale = List.copyOf(scale);
        }
    }

    /** A criterion chapters rate: {@code subject} MEMBER or ORGANIZATION; {@code group} what rules test. */
    record Criterion(String id, String subject, String group, Map<String, String> label, String article) {

        public Criterion {
            label = Map.copyOf(label);
        }

        /** The label in a language, falling back to Vietnamese and then to the id. */
        public String label(String language) {
            return label.getOrDefault(language, label.getOrDefault("vi", id));
        }
    }

    /** A level of a scale, with its label by language ({@code vi}, {@code en}). */
    record Level(String code, Map<String, String> label) {

        public Level {
            label = Map.copyOf(label);
        }

        /** The label in a language, falling back to Vietnamese and then to the code. */
        public String label(String language) {
            return label.getOrDefault(language, label.getOrDefault("vi", code));
        }
    }

    /**
     * A scenario's subjects as the version rates them, with the labels of its scales.
     *
     * @param labels a level's label by language, keyed {@code SUBJECT/CODE} ({@code MEMBER/HTTNV})
     */
    record ScenarioRun(String packId, int version, String file, String name, int year, Ratings ratings,
            Map<String, Map<String, String>> labels) {

        public ScenarioRun {
            labels = Map.copyOf(labels);
        }

        /** The label of a level of a subject's scale in a language, or the code. */
        public String label(org.cadre.ratingrules.facts.Proposal.Subject subject, String code, String language) {
            Map<String, String> label = labels.getOrDefault(subject + "/" + code, Map.of());
            return label.getOrDefault(language, label.getOrDefault("vi", code));
        }
    }

    /** Validates a stored version again: compile and every scenario. */
    ValidationReport validate(String packId, int version);

    /** Activates a validated (or retired) version: an atomic hot swap, retiring the version of the pack it replaces. */
    PackVersion activate(String packId, int version, String actor);

    /** Activates an earlier version again. */
    PackVersion rollback(String packId, int toVersion, String actor);

    /** Retires an active version: its years are no longer served. */
    PackVersion retire(String packId, int version, String actor);

    PackDiff diff(String packId, int from, int to);

    List<AuditEntry> audit(String packId);
}
