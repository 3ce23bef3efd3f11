package org.cadre.evaluation.internal.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.domain.Cycle;
import org.cadre.evaluation.internal.cycles.CycleStore;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.Ratings;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rates a cycle's stored facts again with another pack version, in a classification run's order: each grassroots
 * organization's members and organizations (the rows stored under it), then the organizations above with the new
 * grassroots ratings as {@code earlier}. The facts are read one grassroots organization at a time, so memory follows
 * the largest of them plus the changed subjects; one read-only snapshot, so a run finishing meanwhile is not half
 * seen. Synchronous: the seed bloc's 3,600 members take well under two seconds warm (see docs/evaluation.md).
 */
@Service
class WhatIfService implements WhatIf {

    private static final Logger log = LoggerFactory.getLogger(WhatIfService.class);

    private final CycleStore cycles;
    private final RatingRules rules;
    private final RulePackRegistry registry;
    private final JdbcClient jdbc;

    WhatIfService(CycleStore cycles, RatingRules rules, RulePackRegistry registry, JdbcClient jdbc) {
        this.cycles = cycles;
        this.rules = rules;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** A stored rating: the outcome compared, the facts rated again, the explanation parsed only if it changes. */
    private record Row(Proposal.Subject subject, UUID subjectId, UUID organization, String outcome, String facts,
            String explanation) {
    }

    @Override
    @Transactional(readOnly = true)
    public Target target(UUID cycleId, Caller caller) {
        Cycle cycle = cycle(cycleId, caller);
        String scopeName = jdbc.sql("SELECT name FROM evaluation.organization_projection WHERE organization_id = :id")
                .param("id", cycle.scope()).query(String.class).optional().orElse(cycle.scope().toString());
        return new Target(cycle.id(), cycle.year(), scopeName, cycle.packId(), cycle.packVersion(),
                cycle.currentRun() != null);
    }

    private Cycle cycle(UUID cycleId, Caller caller) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.RULE_ADMIN)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        return cycles.find(cycleId).orElseThrow(() -> new Refused(EvaluationRefusal.CYCLE_UNKNOWN)).cycle();
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WhatIfComparison compare(UUID cycleId, String packId, int version, Caller caller) {
        long started = System.nanoTime();
        Cycle cycle = cycle(cycleId, caller);
        if (packId == null || packId.isBlank()) {
            packId = cycle.packId();
        }
        refusal(cycle, packId, version).ifPresent(refused -> {
            throw refused;
        });
        UUID run = cycle.currentRun();
        var runPack = jdbc.sql("SELECT pack_id, pack_version FROM evaluation.run WHERE run_id = :run")
                .param("run", run).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).single();

        Tally tally = new Tally();
        Map<String, SubjectRating> grassrootsRatings = new LinkedHashMap<>();
        List<OrganizationFacts> grassrootsFacts = new ArrayList<>();
        for (UUID grassroots : grassrootsOf(run)) {
            List<Row> rows = rows(run, grassroots);
            List<MemberFacts> members = new ArrayList<>();
            List<OrganizationFacts> organizations = new ArrayList<>();
            for (Row row : rows) {
                if (row.subject() == Proposal.Subject.MEMBER) {
                    members.add(RatingJson.memberFacts(row.facts()));
                } else {
                    organizations.add(RatingJson.organizationFacts(row.facts()));
                }
            }
            Ratings ratings = rules.evaluateRun(packId, version, cycle.year(), members, organizations, Map.of());
            tally.compare(rows, ratings);
            String id = grassroots.toString();
            ratings.rating(id).ifPresent(r -> grassrootsRatings.put(id, r));
            organizations.stream().filter(o -> o.getSubjectId().equals(id)).findFirst()
                    .ifPresent(grassrootsFacts::add);
        }
        List<Row> above = rows(run, null);
        if (!above.isEmpty()) {
            List<OrganizationFacts> top = new ArrayList<>(grassrootsFacts);
            above.forEach(row -> top.add(RatingJson.organizationFacts(row.facts())));
            tally.compare(above, rules.evaluateRun(packId, version, cycle.year(), List.of(), top,
                    grassrootsRatings));
        }
        List<WhatIfComparison.Change> changes = named(tally.changed);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("What-if of cycle {} ({}) with {} v{}: {} subjects rated again, {} change, in {} ms", cycleId,
                cycle.year(), packId, version, tally.rated, changes.size(), millis);
        return new WhatIfComparison(cycleId, cycle.year(), run, runPack.getKey(), runPack.getValue(), packId, version,
                tally.before, tally.after, changes, millis);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Refused> refusal(UUID cycleId, String packId, int version, Caller caller) {
        Cycle cycle = cycle(cycleId, caller);
        return refusal(cycle, packId == null || packId.isBlank() ? cycle.packId() : packId, version);
    }

    private Optional<Refused> refusal(Cycle cycle, String packId, int version) {
        if (cycle.currentRun() == null) {
            return Optional.of(new Refused(EvaluationRefusal.NO_RUN_YET, cycle.year()));
        }
        if (registry.packs().stream().noneMatch(p -> p.packId().equals(packId))) {
            return Optional.of(new Refused(RatingRulesRefusal.PACK_NOT_FOUND, packId));
        }
        Optional<PackVersion> target = registry.versions(packId).stream().filter(v -> v.version() == version)
                .findFirst();
        if (target.isEmpty()) {
            return Optional.of(new Refused(RatingRulesRefusal.VERSION_NOT_FOUND, packId, version));
        }
        if (!serves(target.get(), cycle.year())) {
            return Optional.of(new Refused(EvaluationRefusal.VERSION_NOT_FOR_YEAR, packId, version,
                    target.get().years(), cycle.year()));
        }
        return Optional.empty();
    }

    private static boolean serves(PackVersion version, int year) {
        return version.yearFrom() != null && version.yearFrom() <= year
                && (version.yearTo() == null || year <= version.yearTo());
    }

    /** The run's grassroots organizations in code order, as a run takes them. */
    private List<UUID> grassrootsOf(UUID run) {
        return jdbc.sql("""
                SELECT g.grassroots_id FROM (SELECT DISTINCT grassroots_id FROM evaluation.rating
                                             WHERE run_id = :run AND grassroots_id IS NOT NULL) g
                LEFT JOIN evaluation.organization_projection o ON o.organization_id = g.grassroots_id
                ORDER BY o.code, g.grassroots_id
                """).param("run", run).query(UUID.class).list();
    }

    /** The stored ratings of one grassroots organization, or those above the grassroots level ({@code null}). */
    private List<Row> rows(UUID run, UUID grassroots) {
        String where = grassroots == null ? "grassroots_id IS NULL" : "grassroots_id = :grassroots";
        var sql = jdbc.sql("""
                SELECT subject, subject_id, organization_id, level, excluded, pending, facts, explanation
                FROM evaluation.rating WHERE run_id = :run AND\s""" + where + " ORDER BY subject_id")
                .param("run", run);
        if (grassroots != null) {
            sql = sql.param("grassroots", grassroots);
        }
        return sql.query((rs, n) -> new Row(Proposal.Subject.valueOf(rs.getString("subject")),
                rs.getObject("subject_id", UUID.class), rs.getObject("organization_id", UUID.class),
                WhatIfComparison.outcome(rs.getString("level"), rs.getBoolean("excluded"),
                        rs.getBoolean("pending")), rs.getString("facts"), rs.getString("explanation"))).list();
    }

    /** Counts before and after, and the subjects whose outcome changes (explanations kept only for those). */
    private static final class Tally {
        final Map<Proposal.Subject, Map<String, Integer>> before = new EnumMap<>(Proposal.Subject.class);
        final Map<Proposal.Subject, Map<String, Integer>> after = new EnumMap<>(Proposal.Subject.class);
        final List<Changed> changed = new ArrayList<>();
        int rated;

        void compare(List<Row> rows, Ratings ratings) {
            Map<String, SubjectRating> byId = new HashMap<>();
            ratings.ratings().forEach(r -> byId.put(r.subjectId(), r));
            for (Row row : rows) {
                rated++;
                count(before, row.subject(), row.outcome());
                SubjectRating now = byId.get(row.subjectId().toString());
                if (now == null) {
                    // the version does not rate this kind of subject: shown as not yet classified
                    count(after, row.subject(), "PENDING");
                    continue;
                }
                String outcome = WhatIfComparison.outcome(now);
                count(after, row.subject(), outcome);
                if (!outcome.equals(row.outcome())) {
                    changed.add(new Changed(row, RatingJson.explanation(row.explanation()), now));
                }
            }
        }

        private static void count(Map<Proposal.Subject, Map<String, Integer>> counts, Proposal.Subject subject,
                String outcome) {
            counts.computeIfAbsent(subject, s -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
        }
    }

    private record Changed(Row row, SubjectRating before, SubjectRating after) {
    }

    /** The changed subjects with today's names and codes (one query for all of them), members first, by name. */
    private List<WhatIfComparison.Change> named(List<Changed> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        UUID[] ids = changed.stream().map(c -> c.row().subjectId()).toArray(UUID[]::new);
        Map<UUID, String[]> names = new HashMap<>();
        jdbc.sql("""
                SELECT member_id AS id, full_name AS name, card_number AS code FROM evaluation.member_projection
                WHERE member_id = ANY(:ids)
                UNION ALL
                SELECT organization_id, name, code FROM evaluation.organization_projection
                WHERE organization_id = ANY(:ids)
                """).param("ids", ids).query(rs -> {
                    names.put(rs.getObject("id", UUID.class),
                            new String[] {rs.getString("name"), rs.getString("code")});
                });
        return changed.stream().map(c -> {
            String[] name = names.getOrDefault(c.row().subjectId(), new String[] {c.row().subjectId().toString(),
                    null});
            return new WhatIfComparison.Change(c.row().subject(), c.row().subjectId(), name[0], name[1],
                    c.row().organization(), c.before(), c.after());
        }).sorted(Comparator.comparing(WhatIfComparison.Change::subject)
                .thenComparing(WhatIfComparison.Change::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WhatIfComparison.Change::subjectId)).toList();
    }
}
