package org.cadre.ratingrules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.ratingrules.PackProblem;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.pack.Manifest;
import org.cadre.ratingrules.pack.PackFiles;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a pack's DRL files and decision tables into a KieBase with the classic compiler ({@code drools-mvel}).
 * Every build gets its own ReleaseId ({@code org.cadre.rulepacks:<pack>:<version>.<build>}); the pom is generated,
 * no {@code kmodule.xml} is written (the default KieBase takes every resource). Anything the compiler throws is
 * caught and reported: a broken pack yields problems, never an exception.
 */
public final class PackCompiler {

    static final String GROUP = "org.cadre.rulepacks";
    static final String ROOT = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*;?");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /** The outcome: a compiled pack, or the problems that stopped it. */
    public record Result(CompiledPack pack, List<PackProblem> problems) {
    }

    public Result compile(Manifest manifest, PackFiles files) {
        List<PackProblem> problems = new ArrayList<>();
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = services.newReleaseId(GROUP, manifest.id(),
                manifest.version() + "." + BUILDS.incrementAndGet());
        List<String> sources = new ArrayList<>(files.paths("", "drl", "xlsx"));
        files.paths().stream().filter(p -> p.contains("/") && !p.startsWith("scenarios/")
                && (p.endsWith(".drl") || p.endsWith(".xlsx"))).forEach(sources::add);
        if (sources.isEmpty()) {
            problems.add(PackProblem.of("", 0, "", "no-rules", "the pack has no .drl file or decision table"));
            return new Result(null, problems);
        }
        Map<String, String> generatedToFile = new HashMap<>();
        Map<String, String> drlByFile = new HashMap<>();
        Map<String, RuleLocation> ruleLocations = new HashMap<>();
        long start = System.nanoTime();
        KieContainer container = null;
        try {
            KieFileSystem fileSystem = services.newKieFileSystem();
            fileSystem.generateAndWritePomXML(releaseId);
            for (String path : sources) {
                // a decision table is turned into DRL here, so what compiles is exactly what the guard checked
                String drl = path.endsWith(".xlsx") ? DecisionTables.toDrl(files.bytes(path)) : files.text(path);
                String target = ROOT + packageFolder(drl) + path + (path.endsWith(".xlsx") ? ".drl" : "");
                generatedToFile.put(target, path);
                drlByFile.put(path, drl);
                problems.addAll(marksInNotes(path, drl));
                fileSystem.write(target, drl);
                locateRules(path, drl, ruleLocations);
            }
            KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
            problems.addAll(CompileMessages.problems(builder.getResults().getMessages(Message.Level.ERROR),
                    generatedToFile, drlByFile));
            if (problems.isEmpty()) {
                // the wall: nothing the pack's classes refer to may lie outside the allow-list, before any loads
                problems.addAll(BytecodeWall.check(classes((InternalKieModule) builder.getKieModule()), drlByFile));
            }
            if (!problems.isEmpty()) {
                services.getRepository().removeKieModule(releaseId);
                return new Result(null, problems);
            }
            container = services.newKieContainer(releaseId);
            KieBase base = container.getKieBase();
            boolean declaresParams = checkGlobalsAndMetadata(base, ruleLocations, problems);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!problems.isEmpty()) {
                container.dispose();
                services.getRepository().removeKieModule(releaseId);
                return new Result(null, problems);
            }
            Map<String, String> ruleFiles = new HashMap<>();
            ruleLocations.forEach((rule, where) -> ruleFiles.put(rule, where.file()));
            return new Result(new CompiledPack(manifest, releaseId, container, declaresParams, millis, ruleFiles,
                    RuleInputs.of(drlByFile.values())), problems);
        } catch (RuntimeException | LinkageError e) {
            if (container != null) {
                container.dispose();
            }
            services.getRepository().removeKieModule(releaseId);
            problems.add(PackProblem.of("", 0, "", "compile-failed", "the rules could not be compiled: "
                    + CompiledPack.rootMessage(e), CompiledPack.rootMessage(e)));
            return new Result(null, problems);
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
