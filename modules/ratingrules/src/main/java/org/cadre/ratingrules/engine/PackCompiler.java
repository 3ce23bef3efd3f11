package org.cadre.ratingrules.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.PackFiles;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.util.PortablePath;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a pack's DRL files and decision tables into a KieBase with the classic compiler ({@code drools-mvel}).
 * Every build gets its own ReleaseId ({@code org.cadre.rulepacks:<pack>:<version>.<build>-<process>}); the pom is
 * generated, no {@code kmodule.xml} is written (the default KieBase takes every resource). Anything the compiler
 * throws is caught and reported: a broken pack yields problems, never an exception. With a
 * {@link CompiledPackCache}, a pack whose checksum the cache knows is loaded from its stored build, without the Java
 * compiler.
 */
public final class PackCompiler {

    static final String GROUP = "org.cadre.rulepacks";
    static final String ROOT = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /**
     * Part of every ReleaseId this process builds: a build read back from the cache keeps the ReleaseId it was made
     * with (its generated classes are named after it), so another process's builds must not collide with ours.
     */
    private static final String PROCESS = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private static final Logger log = LoggerFactory.getLogger(PackCompiler.class);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*;?");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /** The outcome: a compiled pack, or the problems that stopped it. */
    public record Result(CompiledPack pack, List<PackProblem> problems) {
    }

    private final CompiledPackCache cache;

    /** A compiler that builds every pack it is given. */
    public PackCompiler() {
        this(CompiledPackCache.NONE);
    }

    /** A compiler that loads what the cache holds for a pack's checksum, and stores what it builds. */
    public PackCompiler(CompiledPackCache cache) {
        this.cache = cache;
    }

    public Result compile(Manifest manifest, PackFiles files) {
        List<PackProblem> problems = new ArrayList<>();
        List<String> sources = new ArrayList<>(files.paths("", "drl", "xlsx"));
        files.paths().stream().filter(p -> p.contains("/") && !p.startsWith("scenarios/")
                && (p.endsWith(".drl") || p.endsWith(".xlsx"))).forEach(sources::add);
        if (sources.isEmpty()) {
            problems.add(PackProblem.of("", 0, "", "no-rules", "the pack has no .drl file or decision table"));
            return new Result(null, problems);
        }
        Sources read;
        try {
            read = Sources.read(sources, files);
        } catch (RuntimeException | LinkageError e) {
            problems.add(PackProblem.of("", 0, "", "compile-failed", "the rules could not be compiled: "
                    + CompiledPack.rootMessage(e), CompiledPack.rootMessage(e)));
            return new Result(null, problems);
        }
        problems.addAll(read.notes());
        CompiledPackCache.Key key = cache == CompiledPackCache.NONE || !problems.isEmpty() ? null
                : CompiledPackCache.Key.of(files.checksum());
        if (key != null) {
            Cached cached = fromCache(manifest, key, read);
            if (cached.pack() != null) {
                return new Result(cached.pack(), problems);
            }
            if (cached.inUse()) {
                // the row is sound: the build made now is only a second copy, not worth storing over it
                key = null;
            }
        }
        return build(manifest, read, problems, key);
    }

    /** Compiles the sources with the Java compiler; a pack that compiles is stored under {@code key}. */
    private Result build(Manifest manifest, Sources read, List<PackProblem> problems, CompiledPackCache.Key key) {
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = services.newReleaseId(GROUP, manifest.id(),
                manifest.version() + "." + BUILDS.incrementAndGet() + "-" + PROCESS);
        long start = System.nanoTime();
        KieContainer container = null;
        boolean claimed = false;
        try {
            KieFileSystem fileSystem = services.newKieFileSystem();
            fileSystem.generateAndWritePomXML(releaseId);
            read.drlByTarget().forEach(fileSystem::write);
            KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
            problems.addAll(CompileMessages.problems(builder.getResults().getMessages(Message.Level.ERROR),
                    read.generatedToFile(), read.drlByFile()));
            InternalKieModule module = (InternalKieModule) builder.getKieModule();
            if (problems.isEmpty()) {
                // the wall: nothing the pack's classes refer to may lie outside the allow-list, before any loads
                problems.addAll(BytecodeWall.check(classes(module), read.drlByFile()));
            }
            if (!problems.isEmpty()) {
                services.getRepository().removeKieModule(releaseId);
                return new Result(null, problems);
            }
            claimed = CompiledPack.claim(releaseId);
            container = services.newKieContainer(releaseId);
            KieBase base = container.getKieBase();
            boolean declaresParams = checkGlobalsAndMetadata(base, read.ruleLocations(), problems);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!problems.isEmpty()) {
                container.dispose();
                services.getRepository().removeKieModule(releaseId);
                CompiledPack.unclaim(releaseId);
                return new Result(null, problems);
            }
            if (key != null) {
                store(key, manifest, module);
            }
            return new Result(new CompiledPack(manifest, releaseId, container, declaresParams, millis,
                    read.ruleFiles(), RuleInputs.of(read.drlByFile().values()), false), problems);
        } catch (RuntimeException | LinkageError e) {
            if (container != null) {
                container.dispose();
            }
            services.getRepository().removeKieModule(releaseId);
            if (claimed) {
                CompiledPack.unclaim(releaseId);
            }
            problems.add(PackProblem.of("", 0, "", "compile-failed", "the rules could not be compiled: "
                    + CompiledPack.rootMessage(e), CompiledPack.rootMessage(e)));
            return new Result(null, problems);
        }
    }

    private void store(CompiledPackCache.Key key, Manifest manifest, InternalKieModule module) {
        try {
            cache.store(key, manifest.id(), manifest.version(), module.getBytes());
        } catch (RuntimeException e) {
            // the pack compiled: a cache that cannot keep it costs the next start a compile, nothing more
            log.warn("Compiled rule pack {} version {} was not cached: {}", manifest.id(), manifest.version(),
                    CompiledPack.rootMessage(e));
        }
    }

    /**
     * The pack as the cache holds it, or none (then it is compiled). A row is used only when it holds these
     * very sources, its classes pass the wall and its KieBase has the rules the sources declare; anything else is
     * logged and compiled again, which replaces the row.
     */
    private Cached fromCache(Manifest manifest, CompiledPackCache.Key key, Sources read) {
        byte[] bytes;
        try {
            bytes = cache.find(key).orElse(null);
        } catch (RuntimeException e) {
            log.warn("The compiled rule pack cache could not be read for {} version {}: {}", manifest.id(),
                    manifest.version(), CompiledPack.rootMessage(e));
            return Cached.MISS;
        }
        if (bytes == null) {
            return Cached.MISS;
        }
        long start = System.nanoTime();
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = null;
        KieContainer container = null;
        boolean claimed = false;
        try {
            MemoryFileSystem jar = MemoryFileSystem.readFromJar(bytes);
            releaseId = releaseIdOf(jar, manifest);
            for (Map.Entry<String, String> source : read.drlByTarget().entrySet()) {
                byte[] stored = jar.read(PortablePath.of(source.getKey().substring(ROOT.length())));
                if (stored == null || !source.getValue().equals(new String(stored, StandardCharsets.UTF_8))) {
                    throw new IllegalStateException("it does not hold " + source.getKey().substring(ROOT.length()));
                }
            }
            KieModuleModel model = services.newKieModuleModel();
            KieBuilderImpl.setDefaultsforEmptyKieModule(model);
            CanonicalKieModule module = new CanonicalKieModule(new MemoryKieModule(releaseId, model, jar));
            List<PackProblem> problems = new ArrayList<>(BytecodeWall.check(classes(module), read.drlByFile()));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("its classes do not pass the wall: "
                        + problems.get(0).message());
            }
            claimed = CompiledPack.claim(releaseId);
            if (!claimed) {
                // this process serves that very build already: a second copy would share its ReleaseId
                log.debug("Compiled rule pack {} is in use; {} version {} is compiled again", releaseId,
                        manifest.id(), manifest.version());
                return new Cached(null, true);
            }
            services.getRepository().addKieModule(module);
            container = services.newKieContainer(releaseId);
            KieBase base = container.getKieBase();
            boolean declaresParams = checkGlobalsAndMetadata(base, read.ruleLocations(), problems);
            Set<String> rules = new HashSet<>();
            base.getKiePackages().forEach(p -> p.getRules().forEach(r -> rules.add(r.getName())));
            if (!problems.isEmpty() || !rules.equals(read.ruleLocations().keySet())) {
                throw new IllegalStateException("its rules are not the pack's: " + rules.size() + " rules for "
                        + read.ruleLocations().size() + " declared");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.debug("Rule pack {} version {} loaded from the compiled cache in {} ms", manifest.id(),
                    manifest.version(), millis);
            return new Cached(new CompiledPack(manifest, releaseId, container, declaresParams, millis,
                    read.ruleFiles(), RuleInputs.of(read.drlByFile().values()), true), false);
        } catch (RuntimeException | LinkageError e) {
            if (container != null) {
                container.dispose();
            }
            if (releaseId != null && claimed) {
                services.getRepository().removeKieModule(releaseId);
                CompiledPack.unclaim(releaseId);
            }
            log.warn("The cached compilation of rule pack {} version {} ({} bytes) cannot be used and is compiled "
                    + "again: {}", manifest.id(), manifest.version(), bytes.length, CompiledPack.rootMessage(e));
            return Cached.MISS;
        }
    }

    /** What the cache gave: a pack, or none, because the row is missing or unusable or its build is open already. */
    private record Cached(CompiledPack pack, boolean inUse) {
        static final Cached MISS = new Cached(null, false);
    }

    /** The ReleaseId the stored build was made with: its classes' names are derived from it. */
    private static ReleaseId releaseIdOf(MemoryFileSystem jar, Manifest manifest) {
        byte[] pom = jar.read(PortablePath.of("META-INF/maven/" + GROUP + "/" + manifest.id() + "/pom.properties"));
        if (pom == null) {
            throw new IllegalStateException("it has no pom.properties for " + manifest.id());
        }
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(new String(pom, StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (!GROUP.equals(properties.getProperty("groupId")) || !manifest.id().equals(properties.getProperty(
                "artifactId")) || !version.startsWith(manifest.version() + ".")) {
            throw new IllegalStateException("it was built as " + properties);
        }
        return KieServices.Factory.get().newReleaseId(GROUP, manifest.id(), version);
    }

    /**
     * The pack's sources as the compiler is given them: each DRL (a decision table turned into DRL here, so what
     * compiles is exactly what the guard checked) under its package's folder, and where each rule is written.
     */
    private record Sources(Map<String, String> drlByTarget, Map<String, String> generatedToFile,
            Map<String, String> drlByFile, Map<String, RuleLocation> ruleLocations, List<PackProblem> notes) {

        static Sources read(List<String> sources, PackFiles files) {
            Map<String, String> drlByTarget = new LinkedHashMap<>();
            Map<String, String> generatedToFile = new HashMap<>();
            Map<String, String> drlByFile = new HashMap<>();
            Map<String, RuleLocation> ruleLocations = new HashMap<>();
            List<PackProblem> notes = new ArrayList<>();
            for (String path : sources) {
                String drl = path.endsWith(".xlsx") ? DecisionTables.toDrl(files.bytes(path)) : files.text(path);
                String target = ROOT + packageFolder(drl) + path + (path.endsWith(".xlsx") ? ".drl" : "");
                generatedToFile.put(target, path);
                drlByFile.put(path, drl);
                notes.addAll(marksInNotes(path, drl));
                drlByTarget.put(target, drl);
                locateRules(path, drl, ruleLocations);
            }
            return new Sources(drlByTarget, generatedToFile, drlByFile, ruleLocations, notes);
        }

        Map<String, String> ruleFiles() {
            Map<String, String> ruleFiles = new HashMap<>();
            ruleLocations.forEach((rule, where) -> ruleFiles.put(rule, where.file()));
            return ruleFiles;
        }
    }

    /** The classes generated for the pack, by internal name. */
    private static Map<String, byte[]> classes(InternalKieModule module) {
        Map<String, byte[]> classes = new HashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
            }
        }
        return classes;
    }

    private static boolean checkGlobalsAndMetadata(KieBase base, Map<String, RuleLocation> locations,
            List<PackProblem> problems) {
        boolean declaresParams = false;
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Global global : kiePackage.getGlobalVariables()) {
                if ("params".equals(global.getName()) && Parameters.class.getName().equals(global.getType())) {
                    declaresParams = true;
                } else {
                    problems.add(PackProblem.of("", 0, global.getName(), "global", "global '" + global.getName()
                            + "' is not allowed: the only global is 'Parameters params'", global.getName()));
                }
            }
            for (Rule rule : kiePackage.getRules()) {
                RuleLocation where = locations.getOrDefault(rule.getName(), new RuleLocation("", 0));
                for (String key : List.of("id", "criterion", "article")) {
                    String value = ExplainingListener.meta(rule, key);
                    if (value == null || value.isBlank()) {
                        problems.add(PackProblem.of(where.file(), where.line(), rule.getName(), "rule-metadata",
                                "rule '" + rule.getName() + "' has no @" + key + "(...): every rule names its id, "
                                        + "criterion and article", rule.getName(), key));
                    } else if (!"id".equals(key) && RESEARCH_MARK.matcher(value).find()) {
                        // criterion and article are what a member reads: research marks belong in comments
                        problems.add(PackProblem.of(where.file(), where.line(), rule.getName(), "research-mark",
                                "rule '" + rule.getName() + "': @" + key + " holds a research mark ("
                                        + mark(value) + "); members read this text: keep source tags in comments",
                                rule.getName(), key, mark(value)));
                    }
                }
            }
        }
        return declaresParams;
    }

    /** A source tag of the research notes ({@code [S11]}, {@code [Q S5]}, {@code [I]}, {@code [NF]}). */
    static final Pattern RESEARCH_MARK = Pattern.compile(
            "\\[(?:Q|S|I|NF)(?:\\s*S?\\d+[a-z]?)?(?:[, ]+S?\\d+[a-z]?)*\\]");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");

    private static String mark(String text) {
        Matcher matcher = RESEARCH_MARK.matcher(text);
        return matcher.find() ? matcher.group() : "";
    }

    /**
     * Text a rule writes into a reason (a string in its consequence) holding a research mark: members read it.
     */
    static List<PackProblem> marksInNotes(String file, String drl) {
        List<PackProblem> problems = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        boolean inConsequence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("then")) {
                inConsequence = true;
            } else if (line.equals("end")) {
                inConsequence = false;
            } else if (inConsequence && !line.startsWith("//")) {
                Matcher literal = STRING_LITERAL.matcher(line);
                while (literal.find()) {
                    if (RESEARCH_MARK.matcher(literal.group()).find()) {
                        problems.add(PackProblem.of(file, i + 1, "", "research-mark-note", "line " + (i + 1)
                                + " writes a research mark (" + mark(literal.group()) + ") into a reason members "
                                + "read: keep source tags in comments", mark(literal.group())));
                    }
                }
            }
        }
        return problems;
    }

    private static void locateRules(String file, String drl, Map<String, RuleLocation> locations) {
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = RULE.matcher(lines[i]);
            if (matcher.find()) {
                String name = matcher.group(2) != null ? matcher.group(2)
                        : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                locations.putIfAbsent(name, new RuleLocation(file, i + 1));
            }
        }
    }

    /** The DRL's package as a folder, so the compiler does not warn that package and folder differ. */
    private static String packageFolder(String drl) {
        Matcher matcher = PACKAGE.matcher(drl);
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
    }

    private record RuleLocation(String file, int line) {
    }
}
