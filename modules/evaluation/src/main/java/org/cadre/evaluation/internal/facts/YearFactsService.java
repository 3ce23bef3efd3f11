package org.cadre.evaluation.internal.facts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.ratingrules.facts.Discipline;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's facts, computed from the facts ledger (V4) when a run asks: a member's chapter, status and roles as
 * of the year's end from the dated rows, the counts of the year from the rows keyed by their sources. Each
 * grassroots organization is one batch of three set-based queries (its members, their tallies, its organizations'
 * tallies), so memory follows the largest grassroots organization, not the scope.
 */
@Service
class YearFactsService implements YearFacts {

    /** Roles whose holder heads an organization, agency or unit ({@code MemberFacts.leader}). */
    static final Set<String> HEAD_ROLES = Set.of("SECRETARY", "AGENCY_HEAD");

    /**
     * The members of a set of organizations to be rated in a year: on the rolls of one of them at the year's end
     * (their latest membership by then, a cancelled transfer left out) and not off the rolls by then. With the
     * transfer of the year that brought them there (not their admission) and where they were before it.
     */
    private static final String RATED = """
            WITH candidate AS (
                SELECT DISTINCT member_id FROM evaluation.fact_membership
                WHERE organization_id = ANY(:orgs) AND NOT cancelled AND valid_from <= :end
            )
            SELECT f.member_id, f.card_number, f.full_name, f.admitted_on, f.confirmed_on, f.civil_servant,
                   ms.organization_id, ms.valid_from AS member_since, ms.admission, st.status,
                   pv.organization_id AS previous_id, pv.valid_from AS previous_from
            FROM candidate c
            JOIN evaluation.fact_member f ON f.member_id = c.member_id
            CROSS JOIN LATERAL (
                SELECT x.organization_id, x.valid_from, x.admission FROM evaluation.fact_membership x
                WHERE x.member_id = c.member_id AND NOT x.cancelled AND x.valid_from <= :end
                ORDER BY x.valid_from DESC, x.admission LIMIT 1) ms
            LEFT JOIN LATERAL (
                SELECT s.status FROM evaluation.fact_status s
                WHERE s.member_id = c.member_id AND NOT s.cancelled AND s.valid_from <= :end
                ORDER BY s.valid_from DESC, s.admission LIMIT 1) st ON TRUE
            LEFT JOIN LATERAL (
                SELECT x.organization_id, x.valid_from FROM evaluation.fact_membership x
                WHERE x.member_id = c.member_id AND NOT x.cancelled AND x.valid_from < ms.valid_from
                    AND NOT ms.admission AND ms.valid_from >= :start
                ORDER BY x.valid_from DESC, x.admission LIMIT 1) pv ON TRUE
            WHERE ms.organization_id = ANY(:orgs) AND f.admitted_on IS NOT NULL
                AND COALESCE(st.status, 'ACTIVE') NOT IN ('LEFT', 'REMOVED', 'DECEASED')
            """;

    /** Per member, one row per kind of fact (counts grouped in SQL; attendances, disciplines and roles as rows). */
    private static final String MEMBER_TALLIES = """
            SELECT 'REG' AS k, member_id AS m, sum(items)::int AS a, 0 AS b, 0 AS c, 0 AS d, NULL::date AS day,
                   NULL::text AS t1, NULL::text AS t2
            FROM evaluation.fact_register WHERE year = :year AND member_id = ANY(:members) GROUP BY member_id
            UNION ALL
            SELECT 'ITEM', member_id, count(*) FILTER (WHERE outcome = 'FULFILLED')::int,
                   count(*) FILTER (WHERE exceeded)::int, count(*) FILTER (WHERE on_time)::int, 0, NULL, NULL, NULL
            FROM evaluation.fact_item WHERE year = :year AND member_id = ANY(:members) GROUP BY member_id
            UNION ALL
            SELECT 'STUDY', member_id, count(*)::int, 0, 0, 0, NULL, NULL, NULL
            FROM evaluation.fact_study WHERE year = :year AND member_id = ANY(:members) GROUP BY member_id
            UNION ALL
            SELECT 'ATT', member_id, count(*)::int, count(*) FILTER (WHERE attendance = 'PRESENT')::int,
                   count(*) FILTER (WHERE attendance = 'UNEXCUSED')::int, 0, NULL,
                   -- P and A in date order: the longest run of absences is counted in Java
                   string_agg(CASE WHEN attendance = 'PRESENT' THEN 'P' ELSE 'A' END, '' ORDER BY held_on, meeting_id),
                   NULL
            FROM evaluation.fact_attendance WHERE year = :year AND member_id = ANY(:members) GROUP BY member_id
            UNION ALL
            SELECT 'REM', member_id, count(*)::int, 0, 0, 0, NULL, NULL, NULL
            FROM evaluation.fact_reminder WHERE year = :year AND member_id = ANY(:members) GROUP BY member_id
            UNION ALL
            SELECT 'FIND', member_id,
                   count(*) FILTER (WHERE remedy_due IS NOT NULL AND recorded_on <= :end
                       AND (resolved_on IS NULL OR resolved_on > :end))::int,
                   count(*) FILTER (WHERE resolved_on BETWEEN :start AND :end)::int, 0, 0, NULL, NULL, NULL
            FROM evaluation.fact_finding WHERE member_id = ANY(:members) GROUP BY member_id
            UNION ALL
            SELECT 'COMM', member_id, count(*)::int, 0, 0, 0, NULL, stance, NULL
            FROM evaluation.fact_comment WHERE year = :year AND member_id = ANY(:members) GROUP BY member_id, stance
            UNION ALL
            SELECT 'DISC', member_id, CASE WHEN self_detected AND remedied THEN 1 ELSE 0 END, 0, 0, 0, decided_on,
                   form, COALESCE(violation_id, discipline_id)::text
            FROM evaluation.fact_discipline WHERE year = :year AND member_id = ANY(:members)
            UNION ALL
            SELECT 'ROLE', member_id, 0, 0, 0, 0, valid_from, role, organization_id::text
            FROM evaluation.fact_role_effective
            WHERE member_id = ANY(:members) AND valid_from <= :end AND (valid_to IS NULL OR valid_to > :start)
                AND role IN ('SECRETARY', 'AGENCY_HEAD')
            ORDER BY 1, 2, 7
            """;

    /** Per organization, its own facts of the year (the subtree's are summed in Java). */
    private static final String ORGANIZATION_TALLIES = """
            SELECT 'REG' AS k, organization_id AS o, sum(items)::int AS a, 0 AS b, 0 AS c, 0 AS d, NULL::text AS t
            FROM evaluation.fact_register WHERE year = :year AND organization_id = ANY(:orgs) GROUP BY organization_id
            UNION ALL
            SELECT 'ITEM', organization_id, count(*) FILTER (WHERE outcome = 'FULFILLED')::int,
                   count(*) FILTER (WHERE exceeded)::int, count(*) FILTER (WHERE on_time)::int,
                   count(*) FILTER (WHERE (outcome = 'FULFILLED' AND NOT on_time) OR (outcome IS NULL AND overdue))::int,
                   NULL
            FROM evaluation.fact_item WHERE year = :year AND organization_id = ANY(:orgs) GROUP BY organization_id
            UNION ALL
            SELECT 'PROG', organization_id, count(*)::int, count(*) FILTER (WHERE committee_signed)::int,
                   count(*) FILTER (WHERE agency_head_signed)::int, 0, NULL
            FROM evaluation.fact_programme WHERE year = :year AND organization_id = ANY(:orgs)
            GROUP BY organization_id
            UNION ALL
            SELECT 'REV', organization_id, count(*)::int, 0, 0, 0, NULL
            FROM evaluation.fact_regulation_review WHERE year = :year AND organization_id = ANY(:orgs)
            GROUP BY organization_id
            UNION ALL
            SELECT 'MEET', organization_id, count(*)::int, 0, 0, 0, NULL
            FROM evaluation.fact_meeting WHERE year = :year AND organization_id = ANY(:orgs) GROUP BY organization_id
            UNION ALL
            SELECT 'OWN', organization_id, count(*)::int, count(*) FILTER (WHERE self_detected AND remedied)::int,
                   0, 0, NULL
            FROM evaluation.fact_discipline
            WHERE year = :year AND member_id IS NULL AND organization_id = ANY(:orgs) GROUP BY organization_id
            UNION ALL
            SELECT 'LEAD', r.organization_id, CASE WHEN d.self_detected AND d.remedied THEN 1 ELSE 0 END, 0, 0, 0,
                   d.form
            FROM evaluation.fact_discipline d
            JOIN evaluation.fact_role_effective r ON r.member_id = d.member_id AND r.valid_from <= d.decided_on
                AND (r.valid_to IS NULL OR r.valid_to > d.decided_on)
            WHERE d.year = :year AND d.member_id IS NOT NULL AND r.organization_id = ANY(:orgs)
            GROUP BY r.organization_id, d.discipline_id, d.form, d.self_detected, d.remedied
            UNION ALL
            SELECT 'COMM', organization_id, count(*)::int, 0, 0, 0, stance
            FROM evaluation.fact_comment
            WHERE year = :year AND member_id IS NULL AND organization_id = ANY(:orgs)
            GROUP BY organization_id, stance
            ORDER BY 1, 2, 7
            """;

    /** Grassroots organizations assembled per round of queries (a seed bloc has 75, of about 50 members each). */
    static final int CHUNK = 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int regularPerYear;
    private final int thematicPerYear;

    /**
     * The meeting frequencies are supervision's settings, read under the same names so that evaluation requires
     * what supervision shows as due.
     */
    YearFactsService(JdbcClient jdbc, Clock clock,
            @Value("${cadre.supervision.regular-meetings-per-year:12}") int regularPerYear,
            @Value("${cadre.supervision.thematic-meetings-per-year:4}") int thematicPerYear) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.regularPerYear = regularPerYear;
        this.thematicPerYear = thematicPerYear;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationNode> tree(int year, UUID scope) {
        return yearTree(year).subtree(scope).stream().map(YearTree.Node::node).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachGrassroots(int year, UUID scope, Consumer<GrassrootsBatch> consumer) {
        forEachChunk(year, scope, chunk -> chunk.forEach(consumer));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachChunk(int year, UUID scope, Consumer<List<GrassrootsBatch>> consumer) {
        YearTree tree = yearTree(year);
        List<YearTree.Node> inScope = tree.subtree(scope);
        Set<UUID> scopeIds = new HashSet<>();
        inScope.forEach(n -> scopeIds.add(n.id()));
        List<YearTree.Node> grassroots = inScope.stream()
                .filter(n -> n.node().grassroots() != null && n.node().grassroots().equals(n.id()))
                .sorted(Comparator.comparing((YearTree.Node n) -> n.node().code())).toList();
        if (grassroots.isEmpty() && !inScope.isEmpty() && inScope.get(0).node().grassroots() != null) {
            // a scope below the grassroots level: its own subtree is the one batch
            grassroots = List.of(inScope.get(0));
        }
        // a few grassroots organizations per round of queries: fewer round trips and plans, memory still bounded
        for (int from = 0; from < grassroots.size(); from += CHUNK) {
            List<YearTree.Node> chunk = grassroots.subList(from, Math.min(grassroots.size(), from + CHUNK));
            Map<UUID, List<YearTree.Node>> batches = new LinkedHashMap<>();
            for (YearTree.Node g : chunk) {
                batches.put(g.id(), tree.subtree(g.id()).stream().filter(n -> scopeIds.contains(n.id())).toList());
            }
            consumer.accept(chunk(year, tree, batches));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationFacts> aboveGrassroots(int year, UUID scope) {
        YearTree tree = yearTree(year);
        List<YearTree.Node> inScope = tree.subtree(scope);
        List<YearTree.Node> above = inScope.stream().filter(n -> n.node().grassroots() == null).toList();
        if (above.isEmpty()) {
            return List.of();
        }
        UUID[] ids = inScope.stream().map(YearTree.Node::id).toArray(UUID[]::new);
        Map<UUID, OrgTally> own = organizationTallies(year, ids);
        Map<UUID, int[]> study = studyByOrganization(year, ids);
        List<OrganizationFacts> out = new ArrayList<>();
        above.stream().sorted(Comparator.comparingInt((YearTree.Node n) -> tree.depth(n.id())).reversed()
                        .thenComparing(n -> n.node().code()))
                .forEach(n -> {
                    List<YearTree.Node> subtree = tree.subtree(n.id());
                    int[] studied = new int[2];
                    subtree.forEach(s -> {
                        int[] c = study.getOrDefault(s.id(), new int[2]);
                        studied[0] += c[0];
                        studied[1] += c[1];
                    });
                    OrganizationFacts facts = organizationFacts(year, tree, n, subtree, own, studied);
                    facts.setMemberCount(0);
                    facts.setSubOrganizationCount(n.children().size());
                    out.add(facts);
                });
        return out;
    }

    // ---- one grassroots organization

    /** The batches of a few grassroots organizations (by id, with their organizations), from three queries. */
    private List<GrassrootsBatch> chunk(int year, YearTree tree, Map<UUID, List<YearTree.Node>> batches) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        UUID[] orgs = batches.values().stream().flatMap(List::stream).map(YearTree.Node::id).toArray(UUID[]::new);
        Map<UUID, MemberFacts> members = new LinkedHashMap<>();
        jdbc.sql(RATED + " ORDER BY f.card_number, f.member_id").param("orgs", orgs).param("start", start)
                .param("end", end).query((RowCallbackHandler) rs -> {
                    UUID organization = rs.getObject("organization_id", UUID.class);
                    MemberFacts m = member(rs, year, tree.get(organization).node().grassroots(), start);
                    members.put(UUID.fromString(m.getSubjectId()), m);
                });
        Map<UUID, OrgTally> own = organizationTallies(year, orgs);
        if (!members.isEmpty()) {
            memberTallies(year, members);
        }
        Map<UUID, UUID> batchOf = new HashMap<>();
        Map<UUID, List<MemberFacts>> membersOf = new HashMap<>();
        batches.forEach((key, nodes) -> {
            nodes.forEach(n -> batchOf.put(n.id(), key));
            membersOf.put(key, new ArrayList<>());
        });
        members.values().forEach(m -> membersOf.get(batchOf.get(UUID.fromString(m.getOrganizationId()))).add(m));
        List<GrassrootsBatch> out = new ArrayList<>();
        batches.forEach((key, nodes) -> out.add(batch(year, tree, tree.get(key), nodes, membersOf.get(key), own)));
        return out;
    }

    private GrassrootsBatch batch(int year, YearTree tree, YearTree.Node grassroots, List<YearTree.Node> batch,
            List<MemberFacts> members, Map<UUID, OrgTally> own) {
        Map<UUID, Integer> direct = new HashMap<>();
        Map<UUID, int[]> study = new HashMap<>();
        for (MemberFacts m : members) {
            UUID organization = UUID.fromString(m.getOrganizationId());
            direct.merge(organization, 1, Integer::sum);
            if (!m.isExempt() && !m.isSuspended()) {
                int[] c = study.computeIfAbsent(organization, o -> new int[2]);
                c[0]++;
                c[1] += m.isStudyCompleted() ? 1 : 0;
            }
        }
        List<OrganizationFacts> organizations = new ArrayList<>();
        Map<UUID, OrganizationFacts> byId = new HashMap<>();
        for (YearTree.Node n : batch) {
            List<YearTree.Node> subtree = tree.subtree(n.id());
            int[] studied = new int[2];
            subtree.forEach(s -> {
                int[] c = study.getOrDefault(s.id(), new int[2]);
                studied[0] += c[0];
                studied[1] += c[1];
            });
            OrganizationFacts facts = organizationFacts(year, tree, n, subtree, own, studied);
            facts.setMemberCount(direct.getOrDefault(n.id(), 0));
            facts.setSubOrganizationCount(n.children().size());
            organizations.add(facts);
            byId.put(n.id(), facts);
        }
        // a leader's unit: the targets of the organization they head, when it is rated in this batch
        for (MemberFacts m : members) {
            OrganizationFacts led = m.getLedOrganizationId() == null ? null
                    : byId.get(UUID.fromString(m.getLedOrganizationId()));
            if (led != null) {
                m.setLedUnitTargetsAssigned(led.getTargetsAssigned());
                m.setLedUnitTargetsCompleted(led.getTargetsCompleted());
                m.setLedUnitTargetsExceeded(led.getTargetsExceeded());
            }
        }
        return new GrassrootsBatch(grassroots.node(), members, organizations);
    }

    private static MemberFacts member(ResultSet rs, int year, UUID grassroots, LocalDate start) throws SQLException {
        MemberFacts m = new MemberFacts();
        m.setSubjectId(rs.getObject("member_id", UUID.class).toString());
        m.setYear(year);
        m.setOrganizationId(rs.getObject("organization_id", UUID.class).toString());
        m.setGrassrootsOrganizationId(grassroots.toString());
        LocalDate confirmed = rs.getObject("confirmed_on", LocalDate.class);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        m.setProbationary(confirmed == null || confirmed.isAfter(endOfYear));
        m.setMonthsSinceAdmission(monthsToYearEnd(rs.getObject("admitted_on", LocalDate.class), year));
        String status = rs.getString("status");
        m.setExempt("EXEMPT".equals(status));
        m.setSuspended("SUSPENDED".equals(status));
        m.setCivilServant(rs.getBoolean("civil_servant"));
        UUID previous = rs.getObject("previous_id", UUID.class);
        if (previous != null) {
            LocalDate transferredOn = rs.getObject("member_since", LocalDate.class);
            LocalDate from = rs.getObject("previous_from", LocalDate.class);
            LocalDate counted = from.isBefore(start) ? start : from;
            Map<String, Object> extra = new HashMap<>();
            extra.put("previousOrganizationId", previous.toString());
            extra.put("monthsAtPreviousUnit", (int) Period.between(counted, transferredOn).toTotalMonths());
            extra.put("transferredOn", transferredOn.toString());
            m.setExtra(extra);
        }
        return m;
    }

    private void memberTallies(int year, Map<UUID, MemberFacts> members) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        UUID[] ids = members.keySet().toArray(UUID[]::new);
        Map<UUID, List<Discipline>> disciplines = new HashMap<>();
        Map<UUID, Map<String, Integer>> comments = new HashMap<>();
        jdbc.sql(MEMBER_TALLIES).param("year", year).param("members", ids).param("start", start).param("end", end)
                .query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject("m", UUID.class);
                    MemberFacts m = members.get(id);
                    int a = rs.getInt("a");
                    switch (rs.getString("k")) {
                        case "REG" -> {
                            m.setCommitmentItems(a);
                            m.setTargetsAssigned(a);
                        }
                        case "ITEM" -> {
                            m.setCommitmentItemsFulfilled(a);
                            m.setTargetsCompleted(a);
                            m.setTargetsExceeded(rs.getInt("b"));
                            m.setTargetsOnTime(rs.getInt("c"));
                        }
                        case "STUDY" -> m.setStudyCompleted(a > 0);
                        case "ATT" -> {
                            m.setMeetingsRequired(a);
                            m.setMeetingsAttended(rs.getInt("b"));
                            m.setUnexcusedAbsences(rs.getInt("c"));
                            m.setConsecutiveAbsences(longestRun(rs.getString("t1"), 'A'));
                        }
                        case "REM" -> m.setReminders(a);
                        case "FIND" -> {
                            m.setFindingsOpen(a);
                            m.setFindingsResolved(rs.getInt("b"));
                        }
                        case "COMM" -> comments.computeIfAbsent(id, x -> new HashMap<>()).put(rs.getString("t1"), a);
                        case "DISC" -> disciplines.computeIfAbsent(id, x -> new ArrayList<>())
                                .add(new Discipline(rs.getString("t1"), rs.getObject("day", LocalDate.class),
                                        rs.getString("t2"), a == 1));
                        case "ROLE" -> {
                            // the head role held last in the year names the unit led
                            m.setLeader(true);
                            m.setLedOrganizationId(rs.getString("t2"));
                        }
                        default -> {
                        }
                    }
                });
        disciplines.forEach((id, list) -> members.get(id).setDisciplines(list));
        comments.forEach((id, byStance) -> members.get(id).setCommentsByStance(byStance));
    }

    // ---- organizations

    /** One organization's own facts of the year. */
    private static final class OrgTally {
        int items;
        int fulfilled;
        int exceeded;
        int onTime;
        int late;
        int programmes;
        int committeeSigned;
        int agencyHeadSigned;
        int reviews;
        int meetings;
        int ownDisciplines;
        int ownSelfDetected;
        final List<String> leadershipForms = new ArrayList<>();
        int leadershipSelfDetected;
        final Map<String, Integer> comments = new HashMap<>();
    }

    private Map<UUID, OrgTally> organizationTallies(int year, UUID[] orgs) {
        Map<UUID, OrgTally> out = new HashMap<>();
        jdbc.sql(ORGANIZATION_TALLIES).param("year", year).param("orgs", orgs).query((RowCallbackHandler) rs -> {
            OrgTally t = out.computeIfAbsent(rs.getObject("o", UUID.class), o -> new OrgTally());
            int a = rs.getInt("a");
            switch (rs.getString("k")) {
                case "REG" -> t.items = a;
                case "ITEM" -> {
                    t.fulfilled = a;
                    t.exceeded = rs.getInt("b");
                    t.onTime = rs.getInt("c");
                    t.late = rs.getInt("d");
                }
                case "PROG" -> {
                    t.programmes = a;
                    t.committeeSigned = rs.getInt("b");
                    t.agencyHeadSigned = rs.getInt("c");
                }
                case "REV" -> t.reviews = a;
                case "MEET" -> t.meetings = a;
                case "OWN" -> {
                    t.ownDisciplines = a;
                    t.ownSelfDetected = rs.getInt("b");
                }
                case "LEAD" -> {
                    t.leadershipForms.add(rs.getString("t"));
                    t.leadershipSelfDetected += a;
                }
                case "COMM" -> t.comments.put(rs.getString("t"), a);
                default -> {
                }
            }
        });
        return out;
    }

    /** Per organization at the year's end: members to be rated who are active (not exempt or suspended), studied. */
    private Map<UUID, int[]> studyByOrganization(int year, UUID[] orgs) {
        Map<UUID, int[]> out = new HashMap<>();
        jdbc.sql("SELECT r.organization_id, count(*)::int AS n, count(*) FILTER (WHERE EXISTS ("
                        + " SELECT 1 FROM evaluation.fact_study s WHERE s.member_id = r.member_id"
                        + " AND s.year = :year))::int AS studied FROM (" + RATED + ") r"
                        + " WHERE COALESCE(r.status, 'ACTIVE') = 'ACTIVE' GROUP BY r.organization_id")
                .param("orgs", orgs).param("year", year).param("start", LocalDate.of(year, 1, 1))
                .param("end", LocalDate.of(year, 12, 31))
                .query((RowCallbackHandler) rs -> {
                    out.put(rs.getObject("organization_id", UUID.class),
                            new int[] {rs.getInt("n"), rs.getInt("studied")});
                });
        return out;
    }

    private OrganizationFacts organizationFacts(int year, YearTree tree, YearTree.Node n,
            List<YearTree.Node> subtree, Map<UUID, OrgTally> tallies, int[] studied) {
        OrgTally empty = new OrgTally();
        OrgTally own = tallies.getOrDefault(n.id(), empty);
        OrganizationFacts f = new OrganizationFacts();
        f.setSubjectId(n.id().toString());
        f.setYear(year);
        f.setParentId(n.node().parent() == null ? null : n.node().parent().toString());
        f.setGrassrootsOrganizationId(n.node().grassroots() == null ? null : n.node().grassroots().toString());
        f.setKind(n.node().kind().name());
        f.setMonthsSinceEstablished(monthsToYearEnd(n.establishedOn(), year));
        int targets = 0;
        int completed = 0;
        int exceeded = 0;
        int onTime = 0;
        int late = 0;
        int reviews = 0;
        boolean adopted = false;
        boolean committee = false;
        boolean head = false;
        for (YearTree.Node s : subtree) {
            OrgTally t = tallies.getOrDefault(s.id(), empty);
            targets += t.items;
            completed += t.fulfilled;
            exceeded += t.exceeded;
            onTime += t.onTime;
            late += t.late;
            reviews += t.reviews;
            adopted |= t.programmes > 0;
            committee |= t.committeeSigned > 0;
            head |= t.agencyHeadSigned > 0;
        }
        f.setTargetsAssigned(targets);
        f.setTargetsCompleted(completed);
        f.setTargetsExceeded(exceeded);
        f.setTargetsOnTime(onTime);
        f.setTargetsLate(late);
        f.setRegulationReviews(reviews);
        f.setActionProgrammeAdopted(adopted);
        f.setCommitteeSigned(committee);
        f.setAgencyHeadSigned(head);
        f.setStudyCompletionRate(studied[0] == 0 ? 1.0 : (double) studied[1] / studied[0]);
        f.setMeetingsHeld(own.meetings);
        f.setMeetingsRequired(n.node().kind().holdsMembers() ? meetingsRequired(year) : 0);
        f.setLeadershipDisciplined(own.ownDisciplines > 0);
        f.setLeadershipDisciplineSelfDetectedAndRemedied(own.ownDisciplines > 0
                && own.ownSelfDetected == own.ownDisciplines);
        f.setLeadershipMemberDisciplineForms(own.leadershipForms);
        f.setLeadershipMemberDisciplinesSelfDetected(own.leadershipSelfDetected);
        int disciplined = 0;
        int selfDetected = 0;
        for (UUID child : n.children()) {
            OrgTally t = tallies.getOrDefault(child, empty);
            if (t.ownDisciplines > 0) {
                disciplined++;
                if (t.ownSelfDetected > 0) {
                    selfDetected++;
                }
            }
        }
        f.setSubordinateUnits(n.children().size());
        f.setSubordinateUnitsDisciplined(disciplined);
        f.setSubordinateUnitsDisciplinedSelfDetected(selfDetected);
        f.setCommentsByStance(own.comments);
        return f;
    }

    /**
     * The chapter meetings due in a year as supervision counts them: one regular meeting per period of the
     * regular frequency and one thematic meeting per period of the thematic one, over the year's finished months
     * (the whole year once it is over).
     */
    private int meetingsRequired(int year) {
        LocalDate today = LocalDate.now(clock);
        int finished = year < today.getYear() ? 12 : year > today.getYear() ? 0 : today.getMonthValue() - 1;
        int monthsPerRegular = Math.max(1, 12 / Math.max(1, regularPerYear));
        int regular = (finished + monthsPerRegular - 1) / monthsPerRegular;
        int thematic = thematicPerYear == 0 ? 0 : finished / Math.max(1, 12 / thematicPerYear);
        return regular + thematic;
    }

    /** The longest run of one letter in a string. */
    static int longestRun(String letters, char letter) {
        int longest = 0;
        int run = 0;
        for (int i = 0; letters != null && i < letters.length(); i++) {
            run = letters.charAt(i) == letter ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Whole months from a date to the end of 31 December of the year (an admission on 1 July counts 6). */
    static int monthsToYearEnd(LocalDate from, int year) {
        if (from == null) {
            return 0;
        }
        LocalDate endExclusive = LocalDate.of(year + 1, 1, 1);
        return from.isAfter(endExclusive) ? 0 : (int) Period.between(from, endExclusive).toTotalMonths();
    }

    private YearTree yearTree(int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        List<Object[]> rows = jdbc.sql("""
                SELECT o.organization_id, p.parent_id, o.code, COALESCE(n.name, o.code) AS name, o.kind,
                       o.established_on
                FROM evaluation.fact_organization o
                LEFT JOIN LATERAL (
                    SELECT parent_id FROM evaluation.fact_organization_parent x
                    WHERE x.organization_id = o.organization_id
                        AND x.valid_from <= LEAST(:end, COALESCE(o.dissolved_on, :end))
                    ORDER BY x.valid_from DESC LIMIT 1) p ON TRUE
                LEFT JOIN LATERAL (
                    SELECT name FROM evaluation.fact_organization_name x WHERE x.organization_id = o.organization_id
                        AND x.valid_from <= LEAST(:end, COALESCE(o.dissolved_on, :end))
                    ORDER BY x.valid_from DESC LIMIT 1) n ON TRUE
                WHERE o.kind IS NOT NULL AND o.established_on <= :end
                    AND (o.dissolved_on IS NULL OR o.dissolved_on >= :start)
                ORDER BY o.code
                """).param("start", start).param("end", end)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)})
                .list();
        return YearTree.of(rows);
    }
}
