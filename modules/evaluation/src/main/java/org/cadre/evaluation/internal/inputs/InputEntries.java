package org.cadre.evaluation.internal.inputs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RulePackRegistry.Criterion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inputs people enter one by one for a cycle, for the pages and the API: a member's civil-service rating
 * (evaluation staff), per-criterion levels or scores of a member or an organization, a member's residence-place
 * comment and sick leave (staff, or a secretary in their subtree). Each change is checked whole against the cycle's
 * pinned pack before anything is written; a refused change writes nothing; a closed cycle takes no change.
 */
@Service
@Transactional
public class InputEntries {

    static final String ENTRY = "ENTRY";
    static final String IMPORT = "IMPORT";

    private final JdbcClient jdbc;
    private final InputCycles cycles;
    private final InputScope scope;
    private final Clock clock;

    InputEntries(JdbcClient jdbc, InputCycles cycles, InputScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public InputCycle cycle(UUID cycle) {
        return cycles.require(cycle);
    }

    /** What the cycle's pinned pack says about inputs: the member scale, the criteria and their scale, scores. */
    @Transactional(readOnly = true)
    public PackFrame frame(UUID cycle) {
        return cycles.frame(cycles.require(cycle));
    }

    /** The organizations of the cycle the caller may enter inputs for, in tree order. */
    @Transactional(readOnly = true)
    public List<OrganizationSummary> organizations(UUID cycle, Caller caller) {
        return scope.reachable(cycles.require(cycle), caller);
    }

    @Transactional(readOnly = true)
    public OrganizationSummary organization(UUID cycle, UUID organization, Caller caller) {
        return scope.requireOrganization(cycles.require(cycle), organization, caller);
    }

    /** What has been entered for one member. */
    @Transactional(readOnly = true)
    public MemberInputs member(UUID cycle, UUID member, Caller caller) {
        InputCycle found = cycles.require(cycle);
        MemberSummary summary = scope.requireMember(found, member, caller);
        return inputs(found, List.of(summary)).get(0);
    }

    /** The members on the rolls of an organization at the year's end with what has been entered for them. */
    @Transactional(readOnly = true)
    public List<MemberInputs> members(UUID cycle, UUID organization, Caller caller) {
        InputCycle found = cycles.require(cycle);
        OrganizationSummary summary = scope.requireOrganization(found, organization, caller);
        return inputs(found, scope.membersOf(found, summary));
    }

    /** The criterion entries of an organization, by criterion id. */
    @Transactional(readOnly = true)
    public Map<String, CriterionValue> organizationCriteria(UUID cycle, UUID organization, Caller caller) {
        InputCycle found = cycles.require(cycle);
        scope.requireOrganization(found, organization, caller);
        return criteria(found.id(), new UUID[] {organization}).getOrDefault(organization, Map.of());
    }

    /** Sets (or, with a blank level, removes) a member's civil-service rating: evaluation staff only. */
    public void rateCivilService(UUID cycle, UUID member, String level, Caller caller) {
        InputScope.requireStaff(caller);
        InputCycle open = cycles.requireOpen(cycle);
        scope.requireMember(open, member, caller);
        if (level == null || level.isBlank()) {
            jdbc.sql("DELETE FROM evaluation.civil_service_rating WHERE cycle_id = :cycle AND member_id = :member")
                    .param("cycle", open.id()).param("member", member).update();
            return;
        }
        String code = InputRules.requireLevel(cycles.frame(open).memberScale(), level).code();
        civilServiceRating(open.id(), member, code, ENTRY, caller.username());
    }

    void civilServiceRating(UUID cycle, UUID member, String code, String source, String by) {
        jdbc.sql("""
                INSERT INTO evaluation.civil_service_rating (cycle_id, member_id, level, source, entered_by, entered_at)
                VALUES (:cycle, :member, :level, :source, :by, :at)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET level = EXCLUDED.level, source = EXCLUDED.source,
                    entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at
                """).param("cycle", cycle).param("member", member).param("level", code).param("source", source)
                .param("by", by).param("at", OffsetDateTime.now(clock)).update();
    }

    /** Sets (or, with {@code null}, removes) a member's months of sick leave in the year. */
    public void setSickLeave(UUID cycle, UUID member, BigDecimal months, Caller caller) {
        InputCycle open = cycles.requireOpen(cycle);
        scope.requireMember(open, member, caller);
        if (months == null) {
            jdbc.sql("DELETE FROM evaluation.sick_leave WHERE cycle_id = :cycle AND member_id = :member")
                    .param("cycle", open.id()).param("member", member).update();
            return;
        }
        BigDecimal checked = InputRules.requireSickLeave(months);
        jdbc.sql("""
                INSERT INTO evaluation.sick_leave (cycle_id, member_id, months, entered_by, entered_at)
                VALUES (:cycle, :member, :months, :by, :at)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET months = EXCLUDED.months,
                    entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at
                """).param("cycle", open.id()).param("member", member).param("months", checked)
                .param("by", caller.username()).param("at", OffsetDateTime.now(clock)).update();
    }

    /**
     * Records the comment of the chapter committee at the member's place of residence: its stance, its text and the
     * day it was received (in the evaluation year). A blank stance removes it.
     */
    public void setResidenceComment(UUID cycle, UUID member, String stance, String text, LocalDate receivedOn,
            Caller caller) {
        InputCycle open = cycles.requireOpen(cycle);
        scope.requireMember(open, member, caller);
        if (stance == null || stance.isBlank()) {
            jdbc.sql("DELETE FROM evaluation.residence_comment WHERE cycle_id = :cycle AND member_id = :member")
                    .param("cycle", open.id()).param("member", member).update();
            return;
        }
        String checkedStance = InputRules.requireStance(stance).name();
        String checkedText = InputRules.requireText(text);
        LocalDate received = InputRules.requireInYear(receivedOn, open.year());
        jdbc.sql("""
                INSERT INTO evaluation.residence_comment (cycle_id, member_id, stance, text, received_on, entered_by,
                    entered_at)
                VALUES (:cycle, :member, :stance, :text, :received, :by, :at)
                ON CONFLICT (cycle_id, member_id) DO UPDATE SET stance = EXCLUDED.stance, text = EXCLUDED.text,
                    received_on = EXCLUDED.received_on, entered_by = EXCLUDED.entered_by,
                    entered_at = EXCLUDED.entered_at
                """).param("cycle", open.id()).param("member", member).param("stance", checkedStance)
                .param("text", checkedText).param("received", received).param("by", caller.username())
                .param("at", OffsetDateTime.now(clock)).update();
    }

    /** Enters a member's criteria: every value checked first, then all written, or none. */
    public void enterMemberCriteria(UUID cycle, UUID member, List<CriterionValue> values, Caller caller) {
        InputCycle open = cycles.requireOpen(cycle);
        scope.requireMember(open, member, caller);
        enterCriteria(open, member, "MEMBER", values, caller);
    }

    /** Enters an organization's criteria: every value checked first, then all written, or none. */
    public void enterOrganizationCriteria(UUID cycle, UUID organization, List<CriterionValue> values,
            Caller caller) {
        InputCycle open = cycles.requireOpen(cycle);
        scope.requireOrganization(open, organization, caller);
        enterCriteria(open, organization, "ORGANIZATION", values, caller);
    }

    private void enterCriteria(InputCycle cycle, UUID subject, String kind, List<CriterionValue> values,
            Caller caller) {
        PackFrame frame = cycles.frame(cycle);
        Map<String, CriterionValue> checked = new LinkedHashMap<>();
        for (CriterionValue value : values == null ? List.<CriterionValue>of() : values) {
            checked.put(value.criterion(), check(frame, kind, value));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (CriterionValue value : checked.values()) {
            if (value.empty()) {
                jdbc.sql("""
                        DELETE FROM evaluation.criterion_entry
                        WHERE cycle_id = :cycle AND subject_id = :subject AND criterion = :criterion
                        """).param("cycle", cycle.id()).param("subject", subject)
                        .param("criterion", value.criterion()).update();
                continue;
            }
            jdbc.sql("""
                    INSERT INTO evaluation.criterion_entry (cycle_id, subject_id, criterion, level, score, entered_by,
                        entered_at)
                    VALUES (:cycle, :subject, :criterion, :level, :score, :by, :at)
                    ON CONFLICT (cycle_id, subject_id, criterion) DO UPDATE SET level = EXCLUDED.level,
                        score = EXCLUDED.score, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at
                    """).param("cycle", cycle.id()).param("subject", subject).param("criterion", value.criterion())
                    .param("level", value.level()).param("score", value.score()).param("by", caller.username())
                    .param("at", now).update();
        }
    }

    /** One value against the pack: a criterion of the subject takes a level, a score group a score in its range. */
    static CriterionValue check(PackFrame frame, String kind, CriterionValue value) {
        String id = value.criterion() == null ? "" : value.criterion().strip();
        var max = frame.maxScore(id);
        if (max.isPresent()) {
            if (value.empty()) {
                return new CriterionValue(id, null, null);
            }
            BigDecimal score = value.score();
            if (score == null || score.signum() < 0 || score.compareTo(max.get()) > 0) {
                throw new Refused(EvaluationRefusal.SCORE_OUT_OF_RANGE,
                        score == null ? value.level().strip() : score.stripTrailingZeros().toPlainString(), "0",
                        max.get().stripTrailingZeros().toPlainString());
            }
            if (score.stripTrailingZeros().scale() > 2) {
                throw new Refused(EvaluationRefusal.SCORE_OUT_OF_RANGE, score.toPlainString(), "0",
                        max.get().stripTrailingZeros().toPlainString());
            }
            return new CriterionValue(id, null, score);
        }
        Criterion criterion = frame.criterion(kind, id)
                .orElseThrow(() -> new Refused(EvaluationRefusal.CRITERION_UNKNOWN, id));
        if (value.empty()) {
            return new CriterionValue(criterion.id(), null, null);
        }
        // criteria of the shipped packs are rated on the criterion scale; a number is not one of its levels
        String level = value.score() != null ? value.score().toPlainString() : value.level();
        return new CriterionValue(criterion.id(), InputRules.requireLevel(frame.criterionScale(), level).code(),
                null);
    }

    /** The inputs of the given members, read in three queries whatever their number. */
    List<MemberInputs> inputs(InputCycle cycle, List<MemberSummary> members) {
        UUID[] ids = members.stream().map(m -> m.id().value()).toArray(UUID[]::new);
        Map<UUID, Object[]> singles = new HashMap<>();
        jdbc.sql("""
                SELECT m.id, c.level, c.source, s.months, r.stance, r.text, r.received_on
                FROM unnest(CAST(:ids AS uuid[])) AS m(id)
                LEFT JOIN evaluation.civil_service_rating c ON c.cycle_id = :cycle AND c.member_id = m.id
                LEFT JOIN evaluation.sick_leave s ON s.cycle_id = :cycle AND s.member_id = m.id
                LEFT JOIN evaluation.residence_comment r ON r.cycle_id = :cycle AND r.member_id = m.id
                """).param("ids", ids).param("cycle", cycle.id()).query(rs -> {
                    singles.put(rs.getObject("id", UUID.class), new Object[] {rs.getString("level"),
                            rs.getString("source"), rs.getBigDecimal("months"), rs.getString("stance"),
                            rs.getString("text"), rs.getObject("received_on", LocalDate.class)});
                });
        Map<UUID, Map<String, CriterionValue>> criteria = criteria(cycle.id(), ids);
        List<MemberInputs> out = new ArrayList<>();
        for (MemberSummary m : members) {
            Object[] s = singles.getOrDefault(m.id().value(), new Object[6]);
            out.add(new MemberInputs(m.id().value(), m.cardNumber(), m.fullName(), m.organizationId().value(),
                    (String) s[0], (String) s[1], (BigDecimal) s[2], (String) s[3], (String) s[4], (LocalDate) s[5],
                    criteria.getOrDefault(m.id().value(), Map.of())));
        }
        return out;
    }

    private Map<UUID, Map<String, CriterionValue>> criteria(UUID cycle, UUID[] subjects) {
        Map<UUID, Map<String, CriterionValue>> out = new HashMap<>();
        jdbc.sql("""
                SELECT subject_id, criterion, level, score FROM evaluation.criterion_entry
                WHERE cycle_id = :cycle AND subject_id = ANY(:ids)
                """).param("cycle", cycle).param("ids", subjects).query(rs -> {
                    out.computeIfAbsent(rs.getObject("subject_id", UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getString("criterion"), value(rs));
                });
        return out;
    }

    private static CriterionValue value(ResultSet rs) throws SQLException {
        return new CriterionValue(rs.getString("criterion"), rs.getString("level"), rs.getBigDecimal("score"));
    }
}
