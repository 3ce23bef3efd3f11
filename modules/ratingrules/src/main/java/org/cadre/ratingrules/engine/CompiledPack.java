package org.cadre.ratingrules.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.cadre.ratingrules.CalibrationCase;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Parameters;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.RatingScale;
import org.cadre.ratingrules.facts.Reason;
import org.cadre.ratingrules.facts.SubjectFacts;
import org.cadre.ratingrules.pack.Manifest;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A pack compiled into a KieBase, ready to rate. Thread-safe: every call opens its own session. {@link #close()}
 * disposes the container and removes the module from the KIE repository (otherwise every build stays in memory).
 */
public final class CompiledPack implements AutoCloseable {

    private final Manifest manifest;
    private final Map<Proposal.Subject, RatingScale> scales = new java.util.EnumMap<>(Proposal.Subject.class);
    /** What each rule reads, for explanations. */
    private final RuleInputs reads;
    private final ReleaseId releaseId;
    private final KieContainer container;
    private final KieBase base;
    private final boolean declaresParams;
    private final long compileMillis;
    /** The pack file each rule is written in, by rule name, for reports. */
    private final Map<String, String> ruleFiles;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean fromCache;

    CompiledPack(Manifest manifest, ReleaseId releaseId, KieContainer container, boolean declaresParams,
            long compileMillis, Map<String, String> ruleFiles, RuleInputs reads, boolean fromCache) {
        this.fromCache = fromCache;
        this.manifest = manifest;
        this.ruleFiles = Map.copyOf(ruleFiles);
        this.reads = reads;
        manifest.scales().keySet().forEach(subject -> scales.put(subject, manifest.ratingScale(subject)));
        this.releaseId = releaseId;
        this.container = container;
        this.base = container.getKieBase();
        this.declaresParams = declaresParams;
        this.compileMillis = compileMillis;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The scale a subject is rated on; a pack that does not rate the subject has none. */
    public RatingScale scale(Proposal.Subject subject) {
        RatingScale scale = scales.get(subject);
        if (scale == null) {
            throw new EngineException("Pack " + manifest.id() + " does not rate " + subject, null);
        }
        return scale;
    }

    /** How long the pack took to compile, or to load from the compiled pack cache. */
    public long compileMillis() {
        return compileMillis;
    }

    /** Whether the pack was read back from the compiled pack cache rather than compiled. */
    public boolean fromCache() {
        return fromCache;
    }

    public String releaseId() {
        return releaseId.toString();
    }

    ReleaseId kieReleaseId() {
        return releaseId;
    }

    /**
     * Rates members and organizations the way a classification run does: members in one session per organization
     * (so rules see their peers), then organizations from the bottom of the tree up, one session per parent, with
     * {@code memberLevelCounts} and {@code subOrganizationLevelCounts} filled from the levels just proposed; then
     * the quotas per group. An organization is rated only on results of the same run: where its members' or
     * subordinate organizations' results are missing or pending, it is pending with the reason (see
     * {@link OrganizationFacts#getMemberCount()}). The rules work on copies: the caller's facts stay as given. The
     * engine sets the copies' year (when 0) and criterion groups (when empty). Linear in the number of subjects.
     */
    public Ratings evaluate(int year, Map<String, Object> parameterValues, List<MemberFacts> givenMembers,
            List<OrganizationFacts> givenOrganizations) {
        return evaluate(year, parameterValues, givenMembers, givenOrganizations, Map.of());
    }

    /**
     * {@link #evaluate(int, Map, List, List)} for one step of a run that goes in steps (one grassroots organization
     * at a time, then the levels above): subjects whose id is in {@code earlier} were rated by an earlier step of
     * the same run; they are not rated again, their ratings count for the organizations above them, and they are
     * left out of the result and of its quotas.
     */
    public Ratings evaluate(int year, Map<String, Object> parameterValues, List<MemberFacts> givenMembers,
            List<OrganizationFacts> givenOrganizations, Map<String, SubjectRating> earlier) {
        Parameters parameters = new Parameters(parameterValues);
        List<MemberFacts> members = givenMembers.stream().map(MemberFacts::copy).toList();
        List<OrganizationFacts> organizations = givenOrganizations.stream().map(OrganizationFacts::copy).toList();
        Map<String, SubjectRating> ratings = new LinkedHashMap<>();
        Map<String, List<MemberFacts>> byOrganization = members.stream().collect(Collectors.groupingBy(
                m -> Objects.toString(m.getOrganizationId(), ""), LinkedHashMap::new, Collectors.toList()));
        for (List<MemberFacts> group : byOrganization.values()) {
            List<MemberFacts> unrated = group.stream().filter(m -> !earlier.containsKey(m.getSubjectId())).toList();
            if (!unrated.isEmpty()) {
                rate(year, unrated, Proposal.Subject.MEMBER, parameters, Map.of())
                        .forEach(r -> ratings.put(r.subjectId(), r));
            }
        }
        Map<String, SubjectRating> known = new HashMap<>(earlier);
        Map<String, List<OrganizationFacts>> children = organizations.stream().collect(Collectors.groupingBy(
                o -> Objects.toString(o.getParentId(), ""), LinkedHashMap::new, Collectors.toList()));
        Map<String, Integer> height = new HashMap<>();
        for (OrganizationFacts organization : organizations) {
            height(organization, children, height, new java.util.HashSet<>());
        }
        List<Integer> heights = height.values().stream().distinct().sorted().toList();
        for (int h : heights) {
            Map<String, List<OrganizationFacts>> byParent = organizations.stream()
                    .filter(o -> height.get(o.getSubjectId()) == h && !earlier.containsKey(o.getSubjectId()))
                    .collect(Collectors.groupingBy(o -> Objects.toString(o.getParentId(), ""), LinkedHashMap::new,
                            Collectors.toList()));
            // the ratings of the levels below (and of earlier steps) that this level's organizations count
            known.putAll(ratings);
            for (List<OrganizationFacts> group : byParent.values()) {
                Map<String, List<Reason>> missing = new HashMap<>();
                for (OrganizationFacts organization : group) {
                    List<MemberFacts> own = byOrganization.getOrDefault(organization.getSubjectId(), List.of());
                    List<OrganizationFacts> below = children.getOrDefault(organization.getSubjectId(), List.of());
                    fillCounts(organization, own, below, known);
                    missing.put(organization.getSubjectId(), missingResults(organization, own, below, known));
                }
                rate(year, group, Proposal.Subject.ORGANIZATION, parameters, missing)
                        .forEach(r -> ratings.put(r.subjectId(), r));
            }
        }
        List<SubjectFacts> all = new ArrayList<>();
        members.stream().filter(m -> !earlier.containsKey(m.getSubjectId())).forEach(all::add);
        organizations.stream().filter(o -> !earlier.containsKey(o.getSubjectId())).forEach(all::add);
        return new Ratings(manifest.id(), manifest.version(), year, List.copyOf(ratings.values()),
                Quotas.apply(manifest, this::scale, parameters, all, ratings));
    }

    /**
     * Rates one batch of subjects of one kind: members in one session (peers see each other), or organizations as
     * {@link #evaluate} rates them (bottom-up, pending where their members' results are not in the batch). Quotas
     * apply per group. The rules work on copies: the caller's facts stay as given.
     */
    public Ratings evaluateBatch(int year, Map<String, Object> parameterValues, Proposal.Subject subject,
            List<? extends SubjectFacts> givenBatch) {
        if (subject == Proposal.Subject.ORGANIZATION) {
            List<OrganizationFacts> organizations = new ArrayList<>();
            givenBatch.forEach(facts -> organizations.add((OrganizationFacts) facts));
            return evaluate(year, parameterValues, List.of(), organizations);
        }
        Parameters parameters = new Parameters(parameterValues);
        List<SubjectFacts> batch = givenBatch.stream().map(SubjectFacts::copy).toList();
        Map<String, SubjectRating> ratings = new LinkedHashMap<>();
        rate(year, batch, subject, parameters, Map.of()).forEach(r -> ratings.put(r.subjectId(), r));
        List<CalibrationCase> calibrations = Quotas.apply(manifest, this::scale, parameters, new ArrayList<>(batch),
                ratings);
        return new Ratings(manifest.id(), manifest.version(), year, List.copyOf(ratings.values()), calibrations);
    }

    /** How far an organization is from the bottom of the tree (0 for one with no organizations under it). */
    private static int height(OrganizationFacts organization, Map<String, List<OrganizationFacts>> children,
            Map<String, Integer> memo, java.util.Set<String> path) {
        String id = organization.getSubjectId();
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        if (!path.add(id)) {
            throw new IllegalArgumentException("The organizations form a cycle through '" + id + "'");
        }
        int h = 0;
        for (OrganizationFacts child : children.getOrDefault(id, List.of())) {
            h = Math.max(h, 1 + height(child, children, memo, path));
        }
        path.remove(id);
        memo.put(id, h);
        return h;
    }

    /** The level counts an organization's rules read, from the same run only (what the caller set is replaced). */
    private static void fillCounts(OrganizationFacts organization, List<MemberFacts> own,
            List<OrganizationFacts> below, Map<String, SubjectRating> ratings) {
        organization.setMemberLevelCounts(counts(own.stream().map(m -> ratings.get(m.getSubjectId())).toList()));
        organization.setSubOrganizationLevelCounts(
                counts(below.stream().map(o -> ratings.get(o.getSubjectId())).toList()));
    }

    /**
     * Why an organization cannot be rated yet: members or subordinate organizations of it that are pending, or
     * fewer of them in the run than it has. Excluded ones (not classified this year) are not missing.
     */
    private static List<Reason> missingResults(OrganizationFacts organization, List<MemberFacts> own,
            List<OrganizationFacts> below, Map<String, SubjectRating> ratings) {
        List<Reason> reasons = new ArrayList<>();
        long membersPending = own.stream().map(m -> ratings.get(m.getSubjectId()))
                .filter(r -> r != null && r.pending()).count();
        long subOrganizationsPending = below.stream().map(o -> ratings.get(o.getSubjectId()))
                .filter(r -> r != null && r.pending()).count();
        if (membersPending > 0) {
            reasons.add(Reason.ofEngine(Reason.Effect.PENDING, null, "members-pending", membersPending, own.size()));
        }
        if (organization.getMemberCount() > own.size()) {
            reasons.add(Reason.ofEngine(Reason.Effect.PENDING, null, "members-missing",
                    organization.getMemberCount() - own.size(), organization.getMemberCount()));
        }
        if (subOrganizationsPending > 0) {
            reasons.add(Reason.ofEngine(Reason.Effect.PENDING, null, "sub-organizations-pending",
                    subOrganizationsPending, below.size()));
        }
        if (organization.getSubOrganizationCount() > below.size()) {
            reasons.add(Reason.ofEngine(Reason.Effect.PENDING, null, "sub-organizations-missing",
                    organization.getSubOrganizationCount() - below.size(), organization.getSubOrganizationCount()));
        }
        if (organization.getMemberCount() < 0 && organization.getSubOrganizationCount() < 0 && own.isEmpty()
                && below.isEmpty()) {
            reasons.add(Reason.ofEngine(Reason.Effect.PENDING, null, "results-missing"));
        }
        return reasons;
    }

    private static Map<String, Integer> counts(Collection<SubjectRating> ratings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ratings.stream().filter(Objects::nonNull).map(SubjectRating::level).filter(Objects::nonNull)
                .forEach(level -> counts.merge(level, 1, Integer::sum));
        return counts;
    }

    private List<SubjectRating> rate(int year, List<? extends SubjectFacts> batch, Proposal.Subject subject,
            Parameters parameters, Map<String, List<Reason>> engineReasons) {
        if (closed.get()) {
            throw new IllegalStateException("Pack " + manifest.id() + " v" + manifest.version() + " is closed");
        }
        RatingScale scale = scale(subject);
        Map<String, String> groups = manifest.criterionGroups(subject);
        List<Proposal> proposals = new ArrayList<>();
        ExplainingListener listener = new ExplainingListener(reads, parameters);
        KieSession session = base.newKieSession();
        int limit = 10_000 + 500 * batch.size();
        try {
            if (declaresParams) {
                session.setGlobal("params", parameters);
            }
            session.addEventListener(listener);
            for (SubjectFacts facts : batch) {
                if (facts.getYear() == 0) {
                    facts.setYear(year);
                }
                if (facts.getCriterionGroups().isEmpty() && !groups.isEmpty()) {
                    facts.setCriterionGroups(groups);
                }
                Proposal proposal = new Proposal(facts.getSubjectId(), subject, scale);
                engineReasons.getOrDefault(facts.getSubjectId(), List.of()).forEach(proposal::engineReason);
                proposals.add(proposal);
                session.insert(facts);
                session.insert(proposal);
            }
            int fired;
            // the time budget: a rule's code has no loop, so halting between firings stops the run promptly
            Duration budget = timeBudget(batch.size());
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(session::halt, budget.toMillis(), TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            try {
                fired = session.fireAllRules(limit);
            } finally {
                watchdog.cancel(false);
            }
            if (fired >= limit) {
                throw new EngineException("The rules fired " + fired + " times for " + batch.size()
                        + " subjects and were stopped: a rule probably matches again after it fires (a loop)", null);
            }
            if (watchdog.isDone() && !watchdog.isCancelled()
                    || System.nanoTime() - started >= budget.toNanos()) {
                throw new EngineException("The rules ran longer than " + budget.toSeconds() + " s for "
                        + batch.size() + " subjects and were stopped", null);
            }
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a rule calling itself (through a function) ends here, not in the server's thread
            throw new EngineException("A rule failed while running: " + rootMessage(e, ruleFiles), e);
        } finally {
            session.dispose();
        }
        List<SubjectRating> ratings = new ArrayList<>();
        for (Proposal p : proposals) {
            p.finish();
            String level = p.getLevel();
            Map<String, String> label = new LinkedHashMap<>();
            if (level != null) {
                label.put("vi", manifest.levelLabel(subject, level, "vi"));
                label.put("en", manifest.levelLabel(subject, level, "en"));
            }
            ratings.add(new SubjectRating(p.getSubjectId(), subject, level, label, p.getCap(), p.isExcluded(),
                    p.isPending(), p.getReasons(), p.getDecisiveReason(), listener.firedFor(p.getSubjectId())));
        }
        return ratings;
    }

    /** Halts sessions past their time budget; one daemon thread for every pack. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cadre-rules-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Ten seconds, and 20 ms more per subject beyond a hundred: far above what a sound pack needs. */
    static Duration timeBudget(int subjects) {
        return Duration.ofSeconds(10).plusMillis(20L * Math.max(0, subjects - 100));
    }

    /** How much of an exception's own message a report shows. */
    private static final int MESSAGE_LIMIT = 200;

    /**
     * An exception as a report may show it: the rule that was firing (name, id and file), the type of the exception
     * that ended the run and the first line of its message, at most {@value #MESSAGE_LIMIT} characters. A rule
     * chooses its exceptions' messages, so neither their full text nor any stack goes into a report.
     */
    static String rootMessage(Throwable e) {
        return rootMessage(e, Map.of());
    }

    static String rootMessage(Throwable e, Map<String, String> ruleFiles) {
        String rule = "";
        Throwable root = e;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable at = e; at != null && seen.add(at); at = at.getCause()) {
            if (at instanceof ConsequenceException consequence && consequence.getRule() != null) {
                rule = describe(consequence.getRule(), ruleFiles) + ": ";
            }
            root = at;
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        if (message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
        return rule + root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String describe(Rule rule, Map<String, String> ruleFiles) {
        Object id = rule.getMetaData().get("id");
        String file = ruleFiles.containsKey(rule.getName()) ? ruleFiles.get(rule.getName())
                : rule instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath()
                : null;
        return "rule '" + rule.getName() + "'" + (id == null ? "" : " (" + id + ")")
                + (file == null ? "" : " in " + file.substring(file.lastIndexOf('/') + 1));
    }

    /** The rules of the pack by name, with their id, criterion and article. */
    public List<RuleSummary> rules() {
        List<RuleSummary> rules = new ArrayList<>();
        base.getKiePackages().forEach(p -> p.getRules().forEach(r -> rules.add(new RuleSummary(r.getName(),
                ExplainingListener.meta(r, "id"), ExplainingListener.meta(r, "criterion"),
                ExplainingListener.meta(r, "article")))));
        rules.sort(Comparator.comparing(RuleSummary::name));
        return rules;
    }

    /** A rule of the pack. */
    public record RuleSummary(String name, String id, String criterion, String article) {
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            container.dispose();
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
            unclaim(releaseId);
        }
    }

    /**
     * The ReleaseIds of the packs this process holds open. The KIE repository keeps one module per ReleaseId, and a
     * build read back from the cache keeps the ReleaseId it was made with: a second copy of a build in use would
     * replace the first in the repository, and closing either would remove the other's.
     */
    private static final Set<String> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Takes a ReleaseId for a pack about to open; false when a pack of this process holds it. */
    static boolean claim(ReleaseId releaseId) {
        return OPEN.add(releaseId.toString());
    }

    static void unclaim(ReleaseId releaseId) {
        OPEN.remove(releaseId.toString());
    }

    public boolean isClosed() {
        return closed.get();
    }
}
