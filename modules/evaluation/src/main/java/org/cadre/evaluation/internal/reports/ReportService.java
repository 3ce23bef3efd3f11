package org.cadre.evaluation.internal.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.reports.Distribution.Tally;
import org.cadre.evaluation.internal.reports.Report.Comparison;
import org.cadre.evaluation.internal.reports.Report.NotCompleted;
import org.cadre.evaluation.internal.reports.Report.Own;
import org.cadre.evaluation.internal.reports.Report.ReasonCount;
import org.cadre.evaluation.internal.reports.Report.Row;
import org.cadre.evaluation.internal.reports.Report.Statutory;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.Reason;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the reports of a cycle from its current run (never from a running or failed one: readers go through
 * {@code cycle.current_run_id}). Reads only the evaluation schema: the ratings, the module's projections of the tree
 * and of the members, and the pinned pack's scales from the rule-pack registry. A run of the demo bloc (about 4,000
 * ratings) is counted in memory from its light columns; the JSON explanation is read only for the subjects at the
 * lowest level.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int MAX_DEPTH = 16;

    private final JdbcClient jdbc;
    private final RulePackRegistry packs;
    private final MessageSource messages;
    private final ReportAccess access;
    private final ReportDecisions decisions;

    ReportService(JdbcClient jdbc, RulePackRegistry packs, MessageSource messages, ReportAccess access,
            ReportDecisions decisions) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.packs = packs;
        this.messages = messages;
        this.access = access;
    }

    /** The report of the cycle's whole scope. */
    public Report cycle(UUID cycle, Caller caller) {
        Cycle c = find(cycle);
        access.require(caller, c.scope());
        return build(c, c.scope(), true);
    }

    /** The report of one organization of the cycle: the cycle's scope or an organization its run rated. */
    public Report organization(UUID cycle, UUID organization, Caller caller) {
        Cycle c = find(cycle);
        access.require(caller, organization);
        if (organization.equals(c.scope())) {
            return build(c, organization, true);
        }
        return build(c, organization, false);
    }

    // ---------------------------------------------------------------- reading

    private record Cycle(UUID id, int year, UUID scope, String packId, int packVersion, UUID run) {
    }

    private record Node(UUID id, String code, String name, String kind, UUID parent) {
    }

    private record Run(UUID id, String packId, int packVersion, Instant finishedAt) {
    }

    private Cycle find(UUID id) {
        return jdbc.sql("SELECT cycle_id, year, scope_id, pack_id, pack_version, current_run_id FROM evaluation.cycle "
                        + "WHERE cycle_id = :id").param("id", id)
                .query((rs, n) -> new Cycle(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getInt(5), rs.getObject(6, UUID.class)))
                .optional().orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN));
    }

    private Optional<Run> run(UUID run) {
        if (run == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT run_id, pack_id, pack_version, finished_at FROM evaluation.run WHERE run_id = :id")
                .param("id", run).query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp(4);
                    return new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            finished == null ? null : finished.toInstant());
                }).optional();
    }

    private List<Rated> ratings(UUID run) {
        return jdbc.sql("SELECT subject, subject_id, organization_id, grassroots_id, level, excluded, pending "
                        + "FROM evaluation.rating WHERE run_id = :run").param("run", run)
                .query((rs, n) -> new Rated(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
                .list();
    }

    private Map<UUID, Node> tree() {
        Map<UUID, Node> nodes = new HashMap<>();
        jdbc.sql("SELECT organization_id, code, name, kind, parent_id FROM evaluation.organization_projection")
                .query((rs, n) -> new Node(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class)))
                .list().forEach(node -> nodes.put(node.id(), node));
        return nodes;
    }

    /** The scales of the run's pack, highest first; the codes found in the ratings when the pack no longer reads. */
    private Map<String, List<Level>> scales(String packId, int version, UUID run) {
        Map<String, List<Level>> scales = new HashMap<>();
        try {
            scales.putAll(packs.scales(packId, version));
        } catch (Refused gone) {
            // a pack removed since the run: the labels stored with the ratings stand in below
        }
        for (String subject : List.of(Rated.MEMBER, Rated.ORGANIZATION)) {
            if (scales.getOrDefault(subject, List.of()).isEmpty()) {
                scales.put(subject, storedLevels(run, subject));
            }
        }
        return scales;
    }

    private List<Level> storedLevels(UUID run, String subject) {
        return jdbc.sql("SELECT DISTINCT ON (level) level, explanation::text FROM evaluation.rating "
                        + "WHERE run_id = :run AND subject = :subject AND level IS NOT NULL ORDER BY level")
                .param("run", run).param("subject", subject)
                .query((rs, n) -> new Level(rs.getString(1), RatingJson.explanation(rs.getString(2)).levelLabel()))
                .list();
    }

    // ---------------------------------------------------------------- counting

    /** The tree of one run: the parent each rated organization had in the run, the projection's otherwise. */
    private static final class RunTree {

        private final Map<UUID, UUID> parents = new HashMap<>();
        private final Map<UUID, List<UUID>> chains = new HashMap<>();

        RunTree(Map<UUID, Node> projection, List<Rated> ratings) {
            projection.values().forEach(node -> {
                if (node.parent() != null) {
                    parents.put(node.id(), node.parent());
                }
            });
            ratings.stream().filter(r -> !r.isMember() && r.organization() != null)
                    .forEach(r -> parents.put(r.id(), r.organization()));
        }

        UUID parent(UUID id) {
            return parents.get(id);
        }

        /** The organization and its ancestors, nearest first. */
        List<UUID> chain(UUID id) {
            if (id == null) {
                return List.of();
            }
            return chains.computeIfAbsent(id, start -> {
                List<UUID> chain = new ArrayList<>();
                Set<UUID> seen = new HashSet<>();
                for (UUID at = start; at != null && seen.add(at) && chain.size() < MAX_DEPTH; at = parents.get(at)) {
                    chain.add(at);
                }
                return List.copyOf(chain);
            });
        }

        /** Where a rating sits: a member's chapter and its ancestors; an organization itself and its ancestors. */
        List<UUID> chainOf(Rated rated) {
            return chain(rated.isMember() ? rated.organization() : rated.id());
        }
    }

    /**
     * The decisions on the lists of the report's subtree: a grassroots organization's lists when it lies in the
     * subtree or the subtree lies in it (then only the departures of subjects inside the subtree).
     */
    private Report.Decided decided(Cycle cycle, UUID root, boolean whole, RunTree tree, List<Rated> ratings) {
        if (whole) {
            return decisions.read(cycle.id(), organization -> true, subject -> true);
        }
        Map<UUID, Rated> byId = new HashMap<>();
        ratings.forEach(r -> byId.put(r.id(), r));
        return decisions.read(cycle.id(),
                organization -> tree.chain(organization).contains(root) || tree.chain(root).contains(organization),
                subject -> byId.containsKey(subject) && tree.chainOf(byId.get(subject)).contains(root));
    }

    private Report build(Cycle cycle, UUID root, boolean whole) {
        Map<UUID, Node> nodes = tree();
        Node rootNode = nodes.get(root);
        Optional<Run> found = run(cycle.run());
        if (found.isEmpty()) {
            if (!whole) {
                throw new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, name(rootNode, root));
            }
            Distribution none = new Distribution(Map.of(), 0, 0);
            return new Report(cycle.id(), cycle.year(), cycle.scope(), cycle.packId(), cycle.packVersion(), null,
                    null, root, rootNode == null ? "" : rootNode.code(), name(rootNode, root), true, null,
                    List.of(), List.of(), none, none, List.of(), null,
                    new Statutory(none, none, none, List.of()), List.of(), Report.Decided.none());
        }
        Run run = found.get();
        List<Rated> ratings = ratings(run.id());
        RunTree tree = new RunTree(nodes, ratings);
        Map<UUID, Rated> organizations = new HashMap<>();
        ratings.stream().filter(r -> !r.isMember()).forEach(r -> organizations.put(r.id(), r));
        if (!whole && !organizations.containsKey(root)
                && ratings.stream().noneMatch(r -> tree.chainOf(r).contains(root))) {
            throw new Refused(EvaluationRefusal.ORGANIZATION_UNKNOWN, name(rootNode, root));
        }

        Map<String, List<Level>> scales = scales(run.packId(), run.packVersion(), run.id());
        List<Level> memberScale = withStray(scales.get(Rated.MEMBER), ratings, true);
        List<Level> organizationScale = withStray(scales.get(Rated.ORGANIZATION), ratings, false);
        List<String> memberCodes = codes(memberScale);
        List<String> organizationCodes = codes(organizationScale);

        // the rows: the organizations directly below the root that hold a rating or have rated members below them
        Map<UUID, Tally[]> rowTallies = new LinkedHashMap<>();
        for (Rated r : ratings) {
            List<UUID> chain = tree.chainOf(r);
            int at = chain.indexOf(root);
            UUID child = at > 0 ? chain.get(at - 1) : (whole && at < 0 && !chain.isEmpty() ? topBelow(chain, root) : null);
            if (child != null) {
                rowTallies.computeIfAbsent(child, k -> new Tally[] {new Tally(), new Tally()});
            }
        }
        Tally members = new Tally();
        Tally below = new Tally();
        Tally statutoryGrassroots = new Tally();
        Tally statutorySubordinates = new Tally();
        List<Rated> lowest = new ArrayList<>();
        String lowestMember = last(memberCodes);
        String lowestOrganization = last(organizationCodes);
        for (Rated r : ratings) {
            List<UUID> chain = tree.chainOf(r);
            boolean inside = whole || chain.contains(root);
            if (!inside) {
                continue;
            }
            if (r.isMember()) {
                members.add(r);
            } else {
                if (!r.id().equals(root)) {
                    below.add(r);
                }
                if (isGrassroots(r, nodes.get(r.id()))) {
                    statutoryGrassroots.add(r);
                } else {
                    statutorySubordinates.add(r);
                }
            }
            if (r.level() != null && !r.excluded() && !r.pending()
                    && r.level().equals(r.isMember() ? lowestMember : lowestOrganization)) {
                lowest.add(r);
            }
            for (UUID ancestor : chain) {
                Tally[] row = rowTallies.get(ancestor);
                if (row == null) {
                    continue;
                }
                if (r.isMember()) {
                    row[0].add(r);
                } else if (!r.id().equals(ancestor)) {
                    row[1].add(r);
                }
            }
        }

        List<Row> rows = new ArrayList<>();
        rowTallies.forEach((id, tallies) -> {
            Node node = nodes.get(id);
            Rated own = organizations.get(id);
            rows.add(new Row(id, node == null ? "" : node.code(), name(node, id), node == null ? null : node.kind(),
                    own == null ? null : new Own(own.level(), own.excluded(), own.pending()),
                    tallies[0].in(memberCodes), tallies[1].in(organizationCodes)));
        });
        rows.sort(Comparator.comparing(Row::code).thenComparing(Row::name));

        Rated rootRated = organizations.get(root);
        List<NotCompleted> notCompleted = new ArrayList<>();
        List<ReasonCount> reasons = reasons(run.id(), lowest, nodes, notCompleted);
        Comparison comparison = comparison(cycle, root, whole, memberScale, organizationScale, nodes);
        return new Report(cycle.id(), cycle.year(), cycle.scope(), run.packId(), run.packVersion(), run.id(),
                run.finishedAt(), root, rootNode == null ? "" : rootNode.code(), name(rootNode, root), whole,
                rootRated == null ? null : new Own(rootRated.level(), rootRated.excluded(), rootRated.pending()),
                memberScale, organizationScale, members.in(memberCodes), below.in(organizationCodes), rows,
                comparison, new Statutory(members.in(memberCodes), statutoryGrassroots.in(organizationCodes),
                        statutorySubordinates.in(organizationCodes), reasons),
                notCompleted, decided(cycle, root, whole, tree, ratings));
    }

    /**
     * For the cycle's own report, a rating whose ancestry does not reach the scope (a grassroots organization
     * recorded without the bloc above it) is put under its topmost known organization.
     */
    private static UUID topBelow(List<UUID> chain, UUID root) {
        UUID top = chain.get(chain.size() - 1);
        return top.equals(root) ? null : top;
    }

    private static boolean isGrassroots(Rated r, Node node) {
        if (node != null && node.kind() != null) {
            return node.kind().startsWith("GRASSROOTS_");
        }
        return r.id().equals(r.grassroots());
    }

    private static List<Level> withStray(List<Level> scale, List<Rated> ratings, boolean member) {
        List<Level> levels = new ArrayList<>(scale == null ? List.of() : scale);
        Set<String> known = new HashSet<>(codes(levels));
        ratings.stream().filter(r -> r.isMember() == member && r.level() != null && known.add(r.level()))
                .forEach(r -> levels.add(new Level(r.level(), Map.of())));
        return levels;
    }

    private static List<String> codes(List<Level> levels) {
        return levels.stream().map(Level::code).toList();
    }

    private static String last(List<String> codes) {
        return codes.isEmpty() ? null : codes.get(codes.size() - 1);
    }

    private static String name(Node node, UUID id) {
        return node == null ? String.valueOf(id) : node.name();
    }

    // ---------------------------------------------------------------- reasons for "not completed"

    private record Explained(String subject, UUID id, UUID organization, SubjectRating rating) {
    }

    private List<ReasonCount> reasons(UUID run, List<Rated> lowest, Map<UUID, Node> nodes, List<NotCompleted> list) {
        if (lowest.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = lowest.stream().map(Rated::id).toList();
        List<Explained> explained = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            explained.addAll(jdbc.sql("SELECT subject, subject_id, organization_id, explanation::text "
                            + "FROM evaluation.rating WHERE run_id = :run AND subject_id IN (:ids)")
                    .param("run", run).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> new Explained(rs.getString(1), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), RatingJson.explanation(rs.getString(4))))
                    .list());
        }
        Map<UUID, String> names = memberNames(explained.stream().filter(e -> Rated.MEMBER.equals(e.subject()))
                .map(Explained::id).toList());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Reason> first = new HashMap<>();
        for (Explained e : explained) {
            Reason reason = e.rating().decisiveReason().orElse(null);
            String key = reason == null ? "" : String.join("|", String.valueOf(reason.ruleId()),
                    String.valueOf(reason.criterion()), String.valueOf(reason.article()),
                    String.valueOf(reason.code()));
            first.putIfAbsent(key, reason);
            long[] count = counts.computeIfAbsent(key, k -> new long[2]);
            boolean member = Rated.MEMBER.equals(e.subject());
            count[member ? 0 : 1]++;
            list.add(new NotCompleted(e.subject(), e.id(),
                    member ? names.getOrDefault(e.id(), String.valueOf(e.id())) : name(nodes.get(e.id()), e.id()),
                    e.organization() == null ? "" : name(nodes.get(e.organization()), e.organization()),
                    text(reason), reason == null ? null : reason.ruleId(), reason == null ? null : reason.article()));
        }
        list.sort(Comparator.comparing((NotCompleted n) -> !n.isMember()).thenComparing(NotCompleted::organizationName)
                .thenComparing(NotCompleted::name));
        List<ReasonCount> out = new ArrayList<>();
        counts.forEach((key, count) -> {
            Reason reason = first.get(key);
            out.add(new ReasonCount(reason == null ? null : reason.ruleId(), reason == null ? null : reason.article(),
                    text(reason), count[0], count[1]));
        });
        out.sort(Comparator.comparingLong(ReasonCount::total).reversed()
                .thenComparing(r -> r.text("vi")));
        return out;
    }

    /** A reason's text: the rule's criterion (written in the pack), or the engine's message in both languages. */
    private Map<String, String> text(Reason reason) {
        if (reason == null) {
            return Map.of("vi", message("evaluation.reports.reason.none", null, VIETNAMESE),
                    "en", message("evaluation.reports.reason.none", null, Locale.ENGLISH));
        }
        if (reason.criterion() != null && !reason.criterion().isBlank()) {
            return Map.of("vi", reason.criterion(), "en", reason.criterion());
        }
        if (reason.code() != null) {
            Object[] arguments = reason.arguments().toArray();
            return Map.of("vi", message("ratingrules.reason." + reason.code(), arguments, VIETNAMESE),
                    "en", message("ratingrules.reason." + reason.code(), arguments, Locale.ENGLISH));
        }
        String rule = reason.ruleId() == null ? "" : reason.ruleId();
        return Map.of("vi", rule, "en", rule);
    }

    private String message(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private Map<UUID, String> memberNames(List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("SELECT member_id, full_name FROM evaluation.member_projection WHERE member_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    // ---------------------------------------------------------------- the previous year

    private Comparison comparison(Cycle cycle, UUID root, boolean whole, List<Level> memberScale,
            List<Level> organizationScale, Map<UUID, Node> nodes) {
        Optional<Cycle> previous = jdbc.sql("SELECT cycle_id, year, scope_id, pack_id, pack_version, current_run_id "
                        + "FROM evaluation.cycle WHERE year = :year AND scope_id = :scope AND current_run_id IS NOT NULL")
                .param("year", cycle.year() - 1).param("scope", cycle.scope())
                .query((rs, n) -> new Cycle(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getInt(5), rs.getObject(6, UUID.class)))
                .optional();
        Optional<Run> run = previous.flatMap(p -> run(p.run()));
        if (run.isEmpty()) {
            return null;
        }
        List<Rated> ratings = ratings(run.get().id());
        RunTree tree = new RunTree(nodes, ratings);
        Map<String, List<Level>> scales = scales(run.get().packId(), run.get().packVersion(), run.get().id());
        List<Level> memberLevels = union(memberScale, withStray(scales.get(Rated.MEMBER), ratings, true));
        List<Level> organizationLevels = union(organizationScale,
                withStray(scales.get(Rated.ORGANIZATION), ratings, false));
        Tally members = new Tally();
        Tally organizations = new Tally();
        for (Rated r : ratings) {
            if (!whole && !tree.chainOf(r).contains(root)) {
                continue;
            }
            if (r.isMember()) {
                members.add(r);
            } else if (!r.id().equals(root)) {
                organizations.add(r);
            }
        }
        Distribution membersBefore = members.in(codes(memberLevels));
        Distribution organizationsBefore = organizations.in(codes(organizationLevels));
        if (membersBefore.total() == 0 && organizationsBefore.total() == 0) {
            return null;
        }
        return new Comparison(previous.get().year(), previous.get().id(), memberLevels, organizationLevels,
                membersBefore, organizationsBefore);
    }

    /** This year's levels, then those only the previous year's scale had. */
    private static List<Level> union(List<Level> now, List<Level> before) {
        List<Level> levels = new ArrayList<>(now);
        Set<String> known = new HashSet<>(codes(now));
        before.stream().filter(l -> known.add(l.code())).forEach(levels::add);
        return levels;
    }
}
