package org.cadre.ratingrules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.platform.Caller;
import org.cadre.platform.Job;
import org.cadre.platform.JobId;
import org.cadre.platform.Jobs;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.AuditEntry;
import org.cadre.ratingrules.PackDiff;
import org.cadre.ratingrules.PackJobResult;
import org.cadre.ratingrules.PackParameter;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.PackRefusals;
import org.cadre.ratingrules.PackState;
import org.cadre.ratingrules.PackSummary;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.ParameterPreview;
import org.cadre.ratingrules.RatedSubjects;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.RulePackActivated;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.RulePackRetired;
import org.cadre.ratingrules.RulePackValidated;
import org.cadre.ratingrules.ScenarioOutcome;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.ValidationReport;
import org.cadre.ratingrules.engine.CompiledPack;
import org.cadre.ratingrules.engine.CompiledPackCache;
import org.cadre.ratingrules.engine.EngineException;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.ManifestReader;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.pack.PackRejectedException;
import org.cadre.ratingrules.pack.ParameterFile;
import org.cadre.ratingrules.pack.ParameterGroups;
import org.cadre.ratingrules.pack.ParameterValues;
import org.cadre.ratingrules.pack.Scenario;
import org.cadre.ratingrules.pack.ScenarioEditor;
import org.cadre.ratingrules.pack.ScenarioReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry and the runtime of rule packs. Stores versions (never changed once stored), validates them, and
 * activates them with an atomic hot swap: the new version is compiled and its scenarios pass before the database
 * changes; after the commit the compiled pack replaces the old one in {@link ActivePacks}, which closes the old one
 * when its last running call ends. Other instances see the raised activation generation and reload.
 */
@Service
class RulePackService implements RatingRules, RulePackRegistry {

    private static final Logger log = LoggerFactory.getLogger(RulePackService.class);
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:[ \\t]*\\d+");
    static final String FOLDER_AUTHOR = "rules/";
    /** The job that validates, stores and (if asked) activates an upload or an edit: {@link PackStoreJob}. */
    static final String JOB_KIND = "ratingrules.store";
    /** The folder an edit's files travel under in the job's input (see {@link PackFiles#toZip}). */
    static final String EDIT_FOLDER = "edit";
    /** The most files one edit may change. */
    static final int MAX_EDITED_FILES = 50;

    private final PackStore store;
    private final ActivePacks active;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final ObjectProvider<RatedSubjects> ratedSubjects;
    private final PackValidator validator;
    private volatile long loadedGeneration = -1;

    RulePackService(PackStore store, ActivePacks active, TransactionTemplate transactions,
            ApplicationEventPublisher events, Jobs jobs, ObjectProvider<RatedSubjects> ratedSubjects,
            CompiledRules compiledRules, RatingRulesProperties properties) {
        this.validator = new PackValidator(properties.compiledCache() ? compiledRules : CompiledPackCache.NONE);
        this.store = store;
        this.ratedSubjects = ratedSubjects;
        this.jobs = jobs;
        this.active = active;
        this.transactions = transactions;
        this.events = events;
    }

    // ---------------------------------------------------------------- evaluation

    @Override
    public Ratings evaluate(int year, Proposal.Subject subject, List<? extends SubjectFacts> batch) {
        return active.with(year, subject, entry -> run(() -> entry.pack.evaluateBatch(year, entry.parameters, subject,
                batch))).orElseThrow(() -> noActivePack(year, subject));
    }

    @Override
    public Ratings evaluateAll(int year, List<MemberFacts> members, List<OrganizationFacts> organizations) {
        Proposal.Subject subject = members.isEmpty() ? Proposal.Subject.ORGANIZATION : Proposal.Subject.MEMBER;
        return active.with(year, subject, entry -> {
            if (!members.isEmpty() && !organizations.isEmpty()
                    && !entry.serves(year, Proposal.Subject.ORGANIZATION)) {
                // organizations are rated on the member levels of the same call, in the same pack's scale: a pack
                // that does not rate organizations must not rate them, and another pack's scale would not match
                ActivePacks.Entry other = active.entries().stream()
                        .filter(e -> e.serves(year, Proposal.Subject.ORGANIZATION)).findFirst()
                        .orElseThrow(() -> noActivePack(year, Proposal.Subject.ORGANIZATION));
                throw new Refused(RatingRulesRefusal.PACKS_DIFFER, String.valueOf(year), entry.packId,
                        String.valueOf(entry.version), other.packId, String.valueOf(other.version));
            }
            return run(() -> entry.pack.evaluate(year, entry.parameters, members, organizations));
        }).orElseThrow(() -> noActivePack(year, subject));
    }

    @Override
    public Ratings evaluateRun(String packId, int version, int year, List<MemberFacts> members,
            List<OrganizationFacts> organizations, Map<String, SubjectRating> earlier) {
        Optional<Ratings> onActive = active.withVersion(packId, version, entry -> run(() ->
                entry.pack.evaluate(year, entry.parameters, members, organizations, earlier)));
        if (onActive.isPresent()) {
            return onActive.get();
        }
        while (true) {
            ActivePacks.Entry pinned = pinned(packId, version);
            if (pinned.acquire()) {
                try {
                    return run(() -> pinned.pack.evaluate(year, pinned.parameters, members, organizations, earlier));
                } finally {
                    pinned.release();
                }
            }
            // replaced by another version between the look-up and the lease: it is compiled again
        }
    }

    /**
     * A version a cycle pinned that is not active any more (a past year's cycle run again): compiled once and kept,
     * one at a time, so a run's hundred steps compile it once. Replaced when another inactive version is asked for.
     */
    private ActivePacks.Entry pinned(String packId, int version) {
        synchronized (pinnedLock) {
            if (pinnedEntry != null && pinnedEntry.same(packId, version)) {
                return pinnedEntry;
            }
            version(packId, version);
            PackValidator.Validation loaded = validator.load(store.files(packId, version));
            if (loaded.pack() == null) {
                throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, loaded.report(), null);
            }
            if (pinnedEntry != null) {
                pinnedEntry.retire();
            }
            pinnedEntry = new ActivePacks.Entry(packId, version, loaded.pack(), loaded.parameters());
            return pinnedEntry;
        }
    }

    private final Object pinnedLock = new Object();
    private ActivePacks.Entry pinnedEntry;

    private static Ratings run(java.util.function.Supplier<Ratings> call) {
        try {
            return call.get();
        } catch (EngineException e) {
            throw new Refused(RatingRulesRefusal.RULES_FAILED, e.getMessage());
        }
    }

    private static Refused noActivePack(int year, Proposal.Subject subject) {
        return new Refused(RatingRulesRefusal.NO_ACTIVE_PACK, year, subject.name());
    }

    @Override
    public Optional<PackVersion> activeFor(int year, Proposal.Subject subject) {
        return active.entries().stream().filter(e -> e.serves(year, subject)).findFirst()
                .flatMap(e -> store.find(e.packId, e.version));
    }

    // ---------------------------------------------------------------- reading the registry

    @Override
    public List<PackSummary> packs() {
        return store.summaries();
    }

    @Override
    public List<PackVersion> versions(String packId) {
        List<PackVersion> versions = store.versions(packId);
        if (versions.isEmpty()) {
            throw new Refused(RatingRulesRefusal.PACK_NOT_FOUND, packId);
        }
        return versions;
    }

    @Override
    public PackVersion version(String packId, int version) {
        return store.find(packId, version).orElseThrow(() ->
                new Refused(RatingRulesRefusal.VERSION_NOT_FOUND, packId, version));
    }

    @Override
    public Map<String, byte[]> files(String packId, int version) {
        version(packId, version);
        return store.files(packId, version).asMap();
    }

    @Override
    public List<PackParameter> parameters(String packId, int version) {
        version(packId, version);
        PackFiles files = store.files(packId, version);
        ManifestReader.Result read = ManifestReader.read(files);
        if (!read.ok()) {
            return List.of();
        }
        Manifest manifest = read.manifest();
        Map<String, Object> values = ParameterFile.values(manifest, files, new ArrayList<>());
        List<String> levels = manifest.scale().stream().map(Manifest.Level::code).toList();
        Map<String, Map<String, String>> sections = ParameterGroups.sections(files.text(ManifestReader.FILE));
        return manifest.parameters().stream().map(p -> {
            Map<String, String> group = p.group().isEmpty() ? sections.getOrDefault(p.name(), Map.of()) : p.group();
            return new PackParameter(p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT),
                    text(values.get(p.name())), text(p.defaultValue()), p.min(), p.max(), p.label().get("vi"),
                    p.label().get("en"), p.article(), p.type() == Manifest.ParameterType.LEVEL ? levels : List.of(),
                    group.get("vi"), group.get("en"), p.unit().get("vi"), p.unit().get("en"));
        }).toList();
    }

    @Override
    public ScenarioRun runScenario(String packId, int version, String file) {
        version(packId, version);
        PackFiles files = store.files(packId, version);
        if (file == null || !file.startsWith("scenarios/") || !files.has(file)) {
            throw new Refused(RatingRulesRefusal.FILE_NOT_FOUND, String.valueOf(file));
        }
        PackValidator.Validation loaded = validator.load(files);
        if (loaded.pack() == null) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, loaded.report(), null);
        }
        try (CompiledPack pack = loaded.pack()) {
            List<PackProblem> problems = new ArrayList<>();
            Scenario scenario = ScenarioReader.readAll(files.only(file), loaded.manifest(), problems).stream()
                    .findFirst().orElseThrow(() -> PackRefusals.refused(RatingRulesRefusal.INVALID_PACK,
                            new ValidationReport(packId, version, problems, List.of(), 0), null));
            Map<String, Object> parameters = new LinkedHashMap<>(loaded.parameters());
            parameters.putAll(scenario.parameters());
            Ratings ratings = run(() -> pack.evaluate(scenario.year(), parameters, scenario.members(),
                    scenario.organizations()));
            Map<String, Map<String, String>> labels = new LinkedHashMap<>();
            scales(loaded.manifest()).forEach((subject, levels) -> levels.forEach(level ->
                    labels.put(subject + "/" + level.code(), level.label())));
            return new ScenarioRun(packId, version, file, scenario.name(), scenario.year(), ratings, labels);
        }
    }

    @Override
    public Map<String, List<Level>> scales(String packId, int version) {
        version(packId, version);
        ManifestReader.Result read = ManifestReader.read(store.files(packId, version));
        return read.ok() ? scales(read.manifest()) : Map.of();
    }

    private static Map<String, List<Level>> scales(Manifest manifest) {
        Map<String, List<Level>> scales = new LinkedHashMap<>();
        manifest.scales().forEach((subject, levels) -> scales.put(subject.name(),
                levels.stream().map(level -> new Level(level.code(), level.label())).toList()));
        return scales;
    }

    @Override
    public List<RuleInfo> rules(String packId, int version) {
        version(packId, version);
        PackValidator.Validation loaded = validator.load(store.files(packId, version));
        if (loaded.pack() == null) {
            return List.of();
        }
        try (CompiledPack pack = loaded.pack()) {
            return pack.rules().stream().map(r -> new RuleInfo(r.name(), r.id(), r.criterion(), r.article())).toList();
        }
    }

    private static String text(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return String.valueOf(number);
        }
        return value == null ? "" : String.valueOf(value);
    }

    // ---------------------------------------------------------------- new versions

    @Override
    public PackVersion upload(byte[] zip, String author) {
        return store(checkedUpload(zip, author), author, "UPLOAD", null, PackValidator.Progress.NONE);
    }

    @Override
    public JobId submitUpload(byte[] zip, boolean activate, Caller caller) {
        checkedUpload(zip, caller.username());
        return jobs.submit(JOB_KIND, caller, zip, Map.of("op", "upload", "activate", String.valueOf(activate)));
    }

    @Override
    public JobId submitFiles(String packId, int baseVersion, Map<String, byte[]> files, boolean activate,
            Caller caller) {
        PackFiles changes = checkedChanges(files);
        checkedEdit(packId, baseVersion, changes);
        return jobs.submit(JOB_KIND, caller, changes.toZip(EDIT_FOLDER), Map.of("op", "files", "packId", packId,
                "base", String.valueOf(baseVersion), "paths", String.join(", ", changes.paths()),
                "activate", String.valueOf(activate)));
    }

    @Override
    public Optional<Job> job(JobId id, Caller caller) {
        return jobs.find(id, caller).filter(job -> job.kind().equals(JOB_KIND));
    }

    @Override
    public Optional<PackJobResult> result(Job job) {
        return jobs.result(job, PackJobResult.class);
    }

    /**
     * The files of an upload, once it is safe to read, holds a readable {@code pack.yaml} and a new version: what
     * can be refused at once, before the costly validation.
     */
    PackFiles checkedUpload(byte[] zip, String author) {
        PackFiles files;
        try {
            files = PackFiles.fromZip(zip);
        } catch (PackRejectedException e) {
            store.audit(author, "UPLOAD_REFUSED", "-", null, e.getMessage());
            throw PackRefusals.refused(RatingRulesRefusal.UNSAFE_UPLOAD,
                    new ValidationReport(null, null, e.problems(), List.of(), 0), null);
        }
        ManifestReader.Result read = ManifestReader.read(files);
        if (!read.ok()) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_MANIFEST,
                    new ValidationReport(null, null, read.problems(), List.of(), 0), null);
        }
        requireNewVersion(read.manifest().id(), read.manifest().version());
        return files;
    }

    @Override
    public PackVersion saveFile(String packId, int baseVersion, String path, byte[] content, String author) {
        return store(checkedEdit(packId, baseVersion, path, content), author, "EDIT", baseVersion,
                PackValidator.Progress.NONE);
    }

    /** The files of a new version with one file replaced or added, once the path and the base version hold. */
    PackFiles checkedEdit(String packId, int baseVersion, String path, byte[] content) {
        return checkedEdit(packId, baseVersion, checkedChanges(Map.of(path == null ? "" : path, content)));
    }

    /** The files of a new version with the changed files replaced or added, once the base version holds. */
    PackFiles checkedEdit(String packId, int baseVersion, PackFiles changes) {
        version(packId, baseVersion);
        PackFiles files = store.files(packId, baseVersion);
        for (String path : changes.paths()) {
            files = files.with(path, changes.bytes(path));
        }
        if (changes.has(ManifestReader.FILE)) {
            // the manifest's id must stay; its version is set below
            ManifestReader.Result read = ManifestReader.read(files);
            if (read.ok() && !read.manifest().id().equals(packId)) {
                throw new Refused(RatingRulesRefusal.ID_CHANGED, packId, read.manifest().id());
            }
        }
        return nextVersion(packId, files);
    }

    /** The changed files of an edit, each path inside the pack, of a type a pack holds, within the size limits. */
    static PackFiles checkedChanges(Map<String, byte[]> changes) {
        if (changes.isEmpty() || changes.size() > MAX_EDITED_FILES) {
            throw new Refused(RatingRulesRefusal.FILE_COUNT, changes.size(), MAX_EDITED_FILES);
        }
        Map<String, byte[]> clean = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, byte[]> change : changes.entrySet()) {
            String path = change.getKey() == null ? "" : change.getKey().trim();
            byte[] content = change.getValue() == null ? new byte[0] : change.getValue();
            if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")
                    || List.of(path.split("/")).contains("..") || List.of(path.split("/")).contains("")
                    || !PackFiles.ALLOWED_EXTENSIONS.contains(PackFiles.extension(path))
                    || clean.keySet().stream().anyMatch(path::equalsIgnoreCase)) {
                throw new Refused(RatingRulesRefusal.FILE_PATH, path);
            }
            if (content.length > PackFiles.MAX_FILE_BYTES) {
                throw new Refused(RatingRulesRefusal.TOO_LARGE, String.valueOf(PackFiles.MAX_FILE_BYTES),
                        String.valueOf(PackFiles.MAX_FILE_BYTES / (1024 * 1024)));
            }
            total += content.length;
            clean.put(path, content);
        }
        if (total > PackFiles.MAX_TOTAL_BYTES) {
            throw new Refused(RatingRulesRefusal.TOO_LARGE, String.valueOf(PackFiles.MAX_TOTAL_BYTES),
                    String.valueOf(PackFiles.MAX_TOTAL_BYTES / (1024 * 1024)));
        }
        return PackFiles.of(clean);
    }

    private void requireNewVersion(String packId, int version) {
        if (store.find(packId, version).isPresent()) {
            throw new Refused(RatingRulesRefusal.VERSION_EXISTS, packId, version, store.maxVersion(packId) + 1);
        }
    }

    @Override
    public PackVersion changeParameters(String packId, int baseVersion, Map<String, String> values, String author) {
        return changeParameters(packId, baseVersion, values, Map.of(), author);
    }

    @Override
    public PackVersion changeParameters(String packId, int baseVersion, Map<String, String> values,
            Map<String, ScenarioResolution> resolutions, String author) {
        ParameterChange change = parameterChange(packId, baseVersion, values);
        PackFiles next = change.files.withText(ParameterFile.FILE, ParameterFile.write(change.manifest,
                change.proposed));
        if (!resolutions.isEmpty()) {
            next = resolved(packId, baseVersion, change, next, resolutions);
        }
        return store(nextVersion(packId, next), author, "PARAMETERS", baseVersion, PackValidator.Progress.NONE);
    }

    /** A version's files, manifest and parameter values before and after a change, the new values checked. */
    private record ParameterChange(PackFiles files, Manifest manifest, Map<String, Object> current,
            Map<String, Object> proposed) {

        /** The parameters whose value changes, as text. */
        List<PackDiff.ParameterChange> changes() {
            List<PackDiff.ParameterChange> changes = new ArrayList<>();
            manifest.parameters().forEach(p -> {
                if (!Objects.equals(current.get(p.name()), proposed.get(p.name()))) {
                    changes.add(new PackDiff.ParameterChange(p.name(), text(current.get(p.name())),
                            text(proposed.get(p.name()))));
                }
            });
            return changes;
        }
    }

    private ParameterChange parameterChange(String packId, int baseVersion, Map<String, String> values) {
        version(packId, baseVersion);
        PackFiles files = store.files(packId, baseVersion);
        ManifestReader.Result read = ManifestReader.read(files);
        if (!read.ok()) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK,
                    new ValidationReport(packId, baseVersion, read.problems(), List.of(), 0), null);
        }
        Manifest manifest = read.manifest();
        List<PackProblem> problems = new ArrayList<>();
        Map<String, Object> current = ParameterFile.values(manifest, files, problems);
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(values);
        Map<String, Object> changed = ParameterValues.apply(manifest, merged, ParameterFile.FILE, problems);
        if (!problems.isEmpty()) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PARAMETERS,
                    new ValidationReport(packId, baseVersion, problems, List.of(), 0), null);
        }
        return new ParameterChange(files, manifest, current, changed);
    }

    /** The scenario files edited as resolved: the old values pinned, or the expectations rewritten. */
    private PackFiles resolved(String packId, int baseVersion, ParameterChange change, PackFiles next,
            Map<String, ScenarioResolution> resolutions) {
        for (String file : resolutions.keySet()) {
            if (file == null || !file.startsWith("scenarios/") || !change.files.has(file)) {
                throw new Refused(RatingRulesRefusal.FILE_NOT_FOUND, String.valueOf(file));
            }
        }
        Map<String, String> pinned = new LinkedHashMap<>();
        change.changes().forEach(c -> pinned.put(c.name(), literal(change.manifest, c.name(),
                change.current.get(c.name()))));
        List<String> updated = resolutions.entrySet().stream()
                .filter(e -> e.getValue() == ScenarioResolution.UPDATE_EXPECTATION).map(Map.Entry::getKey).toList();
        Map<String, ScenarioOutcome> outcomes = updated.isEmpty() ? Map.of()
                : outcomes(packId, baseVersion, change, change.proposed, updated);
        for (Map.Entry<String, ScenarioResolution> resolution : resolutions.entrySet()) {
            String file = resolution.getKey();
            String text = change.files.text(file);
            try {
                if (resolution.getValue() == ScenarioResolution.KEEP_OLD_VALUE) {
                    next = next.withText(file, ScenarioEditor.keepParameters(text, pinned));
                } else {
                    ScenarioOutcome outcome = outcomes.get(file);
                    if (outcome != null && !outcome.passed()) {
                        if (outcome.error() != null) {
                            throw new ScenarioEditor.NotEditable(outcome.error());
                        }
                        next = next.withText(file, ScenarioEditor.updateExpectations(text, outcome));
                    }
                }
            } catch (ScenarioEditor.NotEditable e) {
                log.info("Scenario {} of {} version {} not rewritten: {}", file, packId, baseVersion, e.getMessage());
                throw new Refused(RatingRulesRefusal.SCENARIO_NOT_EDITABLE, file);
            }
        }
        return next;
    }

    /** A parameter value as a scenario's {@code parameters:} override writes it. */
    private static String literal(Manifest manifest, String name, Object value) {
        String text = text(value);
        boolean quoted = manifest.parameter(name).map(p -> p.type() == Manifest.ParameterType.TEXT
                || p.type() == Manifest.ParameterType.LEVEL || p.type() == Manifest.ParameterType.SHARE).orElse(true);
        return quoted ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text;
    }

    /** The named scenarios run with the new values, by file. */
    private Map<String, ScenarioOutcome> outcomes(String packId, int version, ParameterChange change,
            Map<String, Object> values, List<String> files) {
        PackValidator.Validation loaded = validator.load(change.files);
        if (loaded.pack() == null) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, loaded.report(), null);
        }
        try (CompiledPack pack = loaded.pack()) {
            Map<String, ScenarioOutcome> outcomes = new LinkedHashMap<>();
            for (String file : files) {
                List<PackProblem> problems = new ArrayList<>();
                for (Scenario scenario : ScenarioReader.readAll(change.files.only(file), change.manifest, problems)) {
                    outcomes.put(file, validator.runScenario(pack, values, scenario));
                }
                if (!problems.isEmpty()) {
                    throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK,
                            new ValidationReport(packId, version, problems, List.of(), 0), null);
                }
            }
            return outcomes;
        }
    }

    @Override
    public ParameterPreview previewParameters(String packId, int version, Map<String, String> values) {
        ParameterChange change = parameterChange(packId, version, values);
        List<PackDiff.ParameterChange> changes = change.changes();
        if (changes.isEmpty()) {
            return new ParameterPreview(packId, version, changes, List.of(), ParameterPreview.SubjectImpact.none());
        }
        PackValidator.Validation loaded = validator.load(change.files);
        if (loaded.pack() == null) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, loaded.report(), null);
        }
        try (CompiledPack pack = loaded.pack()) {
            List<PackProblem> problems = new ArrayList<>();
            List<Scenario> scenarios = ScenarioReader.readAll(change.files, change.manifest, problems);
            List<ParameterPreview.ScenarioChange> scenarioChanges = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                ScenarioOutcome before = validator.runScenario(pack, change.current, scenario);
                ScenarioOutcome after = validator.runScenario(pack, change.proposed, scenario);
                List<ParameterPreview.SubjectChange> subjects = new ArrayList<>();
                for (ScenarioOutcome.Expectation expectation : after.expectations()) {
                    before.expectations().stream()
                            .filter(e -> e.subject().equals(expectation.subject())
                                    && Objects.equals(e.calibration() == null, expectation.calibration() == null))
                            .findFirst()
                            .filter(e -> !e.actual().equals(expectation.actual()))
                            .ifPresent(e -> subjects.add(new ParameterPreview.SubjectChange(expectation.subject(),
                                    e.actual(), expectation.actual())));
                }
                if (subjects.isEmpty() && after.passed() && before.passed()) {
                    continue;
                }
                boolean updatable = !after.passed() && updatable(change.files.text(scenario.file()), after);
                scenarioChanges.add(new ParameterPreview.ScenarioChange(scenario.file(), scenario.name(),
                        before.passed(), after.passed(), subjects, after, updatable));
            }
            return new ParameterPreview(packId, version, changes, scenarioChanges, impact(pack, change));
        }
    }

    private static boolean updatable(String text, ScenarioOutcome after) {
        if (after.error() != null) {
            return false;
        }
        try {
            ScenarioEditor.updateExpectations(text, after);
            return true;
        } catch (ScenarioEditor.NotEditable | IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** The latest run's subjects of the pack's years, rated with the current and with the new values. */
    private ParameterPreview.SubjectImpact impact(CompiledPack pack, ParameterChange change) {
        RatedSubjects source = ratedSubjects.getIfAvailable();
        if (source == null) {
            return ParameterPreview.SubjectImpact.none();
        }
        Optional<RatedSubjects.Batch> latest = source.latest(change.manifest.yearFrom(), change.manifest.yearTo());
        if (latest.isEmpty() || latest.get().members().isEmpty() && latest.get().organizations().isEmpty()) {
            return ParameterPreview.SubjectImpact.none();
        }
        RatedSubjects.Batch batch = latest.get();
        Ratings before = run(() -> pack.evaluate(batch.year(), change.current, batch.members(), batch.organizations()));
        Ratings after = run(() -> pack.evaluate(batch.year(), change.proposed, batch.members(),
                batch.organizations()));
        Map<String, String> outcomes = new LinkedHashMap<>();
        before.ratings().forEach(r -> outcomes.put(r.subject() + "/" + r.subjectId(), outcome(r)));
        Map<List<String>, Integer> moves = new LinkedHashMap<>();
        int changed = 0;
        for (var rating : after.ratings()) {
            String was = outcomes.get(rating.subject() + "/" + rating.subjectId());
            String now = outcome(rating);
            if (was != null && !was.equals(now)) {
                changed++;
                moves.merge(List.of(was, now), 1, Integer::sum);
            }
        }
        List<ParameterPreview.Transition> transitions = moves.entrySet().stream()
                .map(e -> new ParameterPreview.Transition(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(java.util.Comparator.comparingInt(ParameterPreview.Transition::count).reversed()).toList();
        return new ParameterPreview.SubjectImpact(true, batch.year(), after.ratings().size(), changed, transitions);
    }

    private static String outcome(org.cadre.ratingrules.SubjectRating rating) {
        return rating.excluded() ? "excluded" : rating.pending() ? "pending" : rating.level();
    }

    private PackFiles nextVersion(String packId, PackFiles files) {
        String manifest = files.text(ManifestReader.FILE);
        int next = store.maxVersion(packId) + 1;
        Matcher matcher = manifest == null ? null : VERSION_LINE.matcher(manifest);
        if (matcher == null || !matcher.find()) {
            throw new Refused(RatingRulesRefusal.VERSION_LINE, packId);
        }
        return files.withText(ManifestReader.FILE, matcher.replaceFirst("version: " + next));
    }

    /** Validates and stores a new version (a draft when it does not validate, then refused with its problems). */
    PackVersion store(PackFiles files, String author, String source, Integer basedOn,
            PackValidator.Progress progress) {
        PackValidator.Validation validation = validator.validate(files, progress);
        if (validation.pack() != null) {
            validation.pack().close();
        }
        return store(files, validation, author, source, basedOn);
    }

    /**
     * Stores a pack folder of {@code rules/} as a new version and activates it when it validates, compiling it
     * once: the start-up path, where every shipped pack would otherwise be compiled and tested twice.
     */
    PackVersion storeAndActivate(PackFiles files, String author) {
        PackValidator.Validation validation = validator.validate(files);
        try {
            PackVersion stored = store(files, validation, author, "FOLDER", null);
            return activate(stored.packId(), stored.version(), author, false, validation);
        } catch (RuntimeException e) {
            if (validation.pack() != null) {
                validation.pack().close();
            }
            throw e;
        }
    }

    private PackVersion store(PackFiles files, PackValidator.Validation validation, String author, String source,
            Integer basedOn) {
        ValidationReport report = validation.report();
        Manifest manifest = validation.manifest();
        if (manifest == null) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_MANIFEST, report, null);
        }
        requireNewVersion(manifest.id(), manifest.version());
        transactions.executeWithoutResult(status -> {
            store.insert(manifest, files, report, author, source, basedOn);
            store.audit(author, source, manifest.id(), manifest.version(), (report.valid() ? "validated" : "draft: "
                    + report.problems().size() + " problem(s), "
                    + (report.scenarios().size() - report.scenariosPassed()) + " failed scenario(s)")
                    + (basedOn == null ? "" : ", from version " + basedOn) + ", checksum "
                    + files.checksum().substring(0, 12));
            if (report.valid()) {
                events.publishEvent(new RulePackValidated(manifest.id(), manifest.version(), author));
            }
        });
        if (!report.valid()) {
            throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, report, manifest.version());
        }
        return version(manifest.id(), manifest.version());
    }

    static String summaryOf(List<PackProblem> problems) {
        return problems.stream().limit(5).map(PackProblem::describe).reduce((a, b) -> a + "; " + b).orElse("");
    }

    @Override
    public ValidationReport validate(String packId, int version) {
        version(packId, version);
        PackValidator.Validation validation = validator.validate(store.files(packId, version));
        if (validation.pack() != null) {
            validation.pack().close();
        }
        store.report(packId, version, validation.report());
        return validation.report();
    }

    // ---------------------------------------------------------------- activation

    @Override
    public PackVersion activate(String packId, int version, String actor) {
        return activate(packId, version, actor, false, null);
    }

    /**
     * Activates a version; a rollback also checks that it goes back and writes its ROLLBACK audit entry in the
     * activation's own transaction, so a rollback that is refused leaves no trace of having happened.
     */
    private PackVersion activate(String packId, int version, String actor, boolean rollback,
            PackValidator.Validation validated) {
        synchronized (active.lock()) {
            PackVersion target = version(packId, version);
            Integer current = null;
            if (rollback) {
                current = versions(packId).stream().filter(v -> v.state() == PackState.ACTIVE)
                        .map(PackVersion::version).findFirst().orElse(null);
                if (current != null && version >= current) {
                    throw new Refused(RatingRulesRefusal.ROLLBACK_FORWARD, packId, version, current);
                }
            }
            if (target.state() == PackState.ACTIVE && active.contains(packId, version)) {
                if (validated != null && validated.pack() != null) {
                    validated.pack().close();
                }
                return target;
            }
            if (target.state() == PackState.DRAFT) {
                throw new Refused(RatingRulesRefusal.NOT_VALIDATED, packId, version);
            }
            Integer rolledBackFrom = current;
            // compile and test before anything changes: a broken pack never replaces a working one (a version just
            // stored from the same files comes with its validation)
            PackValidator.Validation validation = validated != null ? validated
                    : validator.validate(store.files(packId, version));
            if (validation.pack() == null) {
                throw PackRefusals.refused(RatingRulesRefusal.INVALID_PACK, validation.report(), null);
            }
            CompiledPack compiled = validation.pack();
            Manifest manifest = validation.manifest();
            List<ActivePacks.Entry> replaced = new ArrayList<>();
            try {
                long generation = transactions.execute(status -> {
                    store.lockGeneration();
                    if (rollback) {
                        store.audit(actor, "ROLLBACK", packId, version, "rolling back from version " + rolledBackFrom);
                    }
                    Integer replacedVersion = null;
                    for (PackVersion other : store.active()) {
                        // one active version per pack; another pack may not serve the same year and subject
                        if (!other.packId().equals(packId) && !overlaps(manifest, other)) {
                            continue;
                        }
                        if (!other.packId().equals(packId)) {
                            throw new Refused(RatingRulesRefusal.YEARS_TAKEN, other.packId(),
                                    other.version(), other.years());
                        }
                        store.state(other.packId(), other.version(), PackState.RETIRED, actor);
                        store.audit(actor, "RETIRE", other.packId(), other.version(), "replaced by version " + version);
                        events.publishEvent(new RulePackRetired(other.packId(), other.version(), actor));
                        replacedVersion = other.version();
                    }
                    store.state(packId, version, PackState.ACTIVE, actor);
                    store.audit(actor, "ACTIVATE", packId, version, replacedVersion == null ? "activated"
                            : "activated, replacing version " + replacedVersion);
                    events.publishEvent(new RulePackActivated(packId, version, replacedVersion, manifest.yearFrom(),
                            manifest.yearTo(), manifest.subjects().stream().map(Enum::name).toList(), actor));
                    return store.raiseGeneration();
                });
                for (ActivePacks.Entry entry : active.entries()) {
                    if (!entry.same(packId, version) && (entry.packId.equals(packId)
                            || overlaps(manifest, entry.pack.manifest()))) {
                        replaced.add(entry);
                    }
                }
                active.swap(new ActivePacks.Entry(packId, version, compiled, validation.parameters()), replaced);
                loadedGeneration = generation;
            } catch (RuntimeException e) {
                compiled.close();
                throw e;
            }
            log.info("Rule pack {} version {} activated by {} ({} in {} ms)", packId, version, actor,
                    compiled.fromCache() ? "loaded from the compiled pack cache" : "compiled", compiled.compileMillis());
            return version(packId, version);
        }
    }

    @Override
    public PackVersion rollback(String packId, int toVersion, String actor) {
        return activate(packId, toVersion, actor, true, null);
    }

    @Override
    public PackVersion retire(String packId, int version, String actor) {
        synchronized (active.lock()) {
            PackVersion target = version(packId, version);
            if (target.state() != PackState.ACTIVE) {
                throw new Refused(RatingRulesRefusal.NOT_ACTIVE, packId, version);
            }
            long generation = transactions.execute(status -> {
                store.lockGeneration();
                store.state(packId, version, PackState.RETIRED, actor);
                store.audit(actor, "RETIRE", packId, version, "retired");
                events.publishEvent(new RulePackRetired(packId, version, actor));
                return store.raiseGeneration();
            });
            active.swap(null, active.entries().stream().filter(e -> e.same(packId, version)).toList());
            loadedGeneration = generation;
            return version(packId, version);
        }
    }

    private static boolean overlaps(Manifest manifest, PackVersion other) {
        int otherFrom = other.yearFrom() == null ? Integer.MIN_VALUE : other.yearFrom();
        int otherTo = other.yearTo() == null ? Integer.MAX_VALUE : other.yearTo();
        boolean subjects = other.subjects().stream().anyMatch(s -> manifest.subjects().contains(
                Proposal.Subject.valueOf(s)));
        return subjects && manifest.yearFrom() <= otherTo
                && (manifest.yearTo() == null ? Integer.MAX_VALUE : manifest.yearTo()) >= otherFrom;
    }

    private static boolean overlaps(Manifest a, Manifest b) {
        int aTo = a.yearTo() == null ? Integer.MAX_VALUE : a.yearTo();
        int bTo = b.yearTo() == null ? Integer.MAX_VALUE : b.yearTo();
        return a.subjects().stream().anyMatch(b.subjects()::contains) && a.yearFrom() <= bTo && aTo >= b.yearFrom();
    }

    /**
     * Loads the active versions of the database into the runtime when the activation generation moved (another
     * instance activated something) or when {@code force}. Versions already compiled are kept.
     */
    void refresh(boolean force) {
        long generation = store.generation();
        if (!force && generation == loadedGeneration) {
            return;
        }
        synchronized (active.lock()) {
            generation = store.generation();
            if (!force && generation == loadedGeneration) {
                return;
            }
            List<PackVersion> versions = store.active();
            long started = System.nanoTime();
            Map<PackVersion, PackValidator.Validation> compiled = compile(versions.stream()
                    .filter(v -> active.entries().stream().noneMatch(e -> e.same(v.packId(), v.version())))
                    .toList());
            List<ActivePacks.Entry> next = new ArrayList<>();
            for (PackVersion version : versions) {
                ActivePacks.Entry kept = active.entries().stream()
                        .filter(e -> e.same(version.packId(), version.version())).findFirst().orElse(null);
                if (kept != null) {
                    next.add(kept);
                    continue;
                }
                PackValidator.Validation loaded = compiled.get(version);
                if (loaded.pack() == null) {
                    log.error("Active rule pack {} version {} no longer compiles and is not served: {}",
                            version.packId(), version.version(), loaded.report().summary());
                    continue;
                }
                next.add(new ActivePacks.Entry(version.packId(), version.version(), loaded.pack(),
                        loaded.parameters()));
            }
            active.replaceAll(next);
            loadedGeneration = generation;
            long cached = compiled.values().stream().filter(v -> v.pack() != null && v.pack().fromCache()).count();
            log.info("Rule packs serving: {} ({} loaded in {} ms, {} of them from the compiled pack cache)",
                    next.stream().map(e -> e.packId + " v" + e.version).toList(), compiled.size(),
                    (System.nanoTime() - started) / 1_000_000, cached);
        }
    }

    /**
     * Compiles the versions given, several at once: at start-up every active pack is compiled (seconds each, most of
     * it the Java compiler) before the application reports ready, and packs do not depend on one another.
     */
    private Map<PackVersion, PackValidator.Validation> compile(List<PackVersion> versions) {
        Map<PackVersion, PackValidator.Validation> compiled = new HashMap<>();
        if (versions.size() <= 1) {
            versions.forEach(v -> compiled.put(v, validator.load(store.files(v.packId(), v.version()))));
            return compiled;
        }
        int threads = Math.min(versions.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "rule-pack-compile-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<PackVersion, Future<PackValidator.Validation>> running = new LinkedHashMap<>();
            for (PackVersion v : versions) {
                PackFiles files = store.files(v.packId(), v.version());
                running.put(v, pool.submit(() -> validator.load(files)));
            }
            for (Map.Entry<PackVersion, Future<PackValidator.Validation>> entry
                    : running.entrySet()) {
                compiled.put(entry.getKey(), entry.getValue().get());
            }
            return compiled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the active rule packs", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- diff and audit

    @Override
    public PackDiff diff(String packId, int from, int to) {
        version(packId, from);
        version(packId, to);
        PackFiles a = store.files(packId, from);
        PackFiles b = store.files(packId, to);
        List<PackDiff.FileChange> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(a.paths());
        paths.addAll(b.paths());
        for (String path : paths) {
            boolean text = !path.endsWith(".xlsx");
            if (!b.has(path)) {
                changes.add(new PackDiff.FileChange(path, PackDiff.Change.REMOVED, text
                        ? LineDiff.diff(a.text(path), "").stream().filter(l -> l.startsWith("-")).toList() : List.of()));
            } else if (!a.has(path)) {
                changes.add(new PackDiff.FileChange(path, PackDiff.Change.ADDED, text
                        ? LineDiff.diff("", b.text(path)).stream().filter(l -> l.startsWith("+")).toList() : List.of()));
            } else if (!java.util.Arrays.equals(a.bytes(path), b.bytes(path))) {
                changes.add(new PackDiff.FileChange(path, PackDiff.Change.CHANGED,
                        text ? LineDiff.diff(a.text(path), b.text(path)) : List.of()));
            }
        }
        List<PackDiff.ParameterChange> parameters = new ArrayList<>();
        Map<String, String> before = parameterValues(a);
        Map<String, String> after = parameterValues(b);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                parameters.add(new PackDiff.ParameterChange(name, before.get(name), after.get(name)));
            }
        }
        return new PackDiff(packId, from, to, changes, parameters);
    }

    private static Map<String, String> parameterValues(PackFiles files) {
        Map<String, String> values = new LinkedHashMap<>();
        ManifestReader.Result read = ManifestReader.read(files);
        if (read.ok()) {
            ParameterFile.values(read.manifest(), files, new ArrayList<>())
                    .forEach((name, value) -> values.put(name, text(value)));
        }
        return values;
    }

    @Override
    public List<AuditEntry> audit(String packId) {
        List<AuditEntry> entries = store.audit(packId);
        // a pack never stored may still have entries (its refused uploads); with neither, it does not exist
        if (packId != null && entries.isEmpty() && store.versions(packId).isEmpty()) {
            throw new Refused(RatingRulesRefusal.PACK_NOT_FOUND, packId);
        }
        return entries;
    }

    /** For the start-up loader. */
    PackStore store() {
        return store;
    }

}
