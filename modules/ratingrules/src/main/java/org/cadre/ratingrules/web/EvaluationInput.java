package org.cadre.ratingrules.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RatingRules;
import org.cadre.ratingrules.RatingRulesRefusal;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.SubjectFacts;
import tools.jackson.databind.JsonNode;

/**
 * What an evaluation request must hold before the engine sees it: a batch no larger than the limit, no count below
 * zero, no part larger than its whole (more meetings attended than required, more targets completed than
 * assigned), each subject once, and only the criteria and levels of the pack in force. A rating computed from impossible facts looks as valid as any other, so they are
 * refused with the field that is wrong, and nothing is evaluated.
 */
final class EvaluationInput {

    /** Counts where -1 means "not known" (the engine counts the batch instead). */
    private static final Set<String> UNKNOWN_AS_MINUS_ONE = Set.of("memberCount", "subOrganizationCount");
    /** Free values a pack defines itself: their sign is the pack's business. */
    private static final Set<String> FREE = Set.of("extra");

    private EvaluationInput() {
    }

    /** The batch's size against the limit, before any subject is read. */
    static void checkSize(JsonNode members, JsonNode organizations, int limit) {
        int size = (members == null ? 0 : members.size()) + (organizations == null ? 0 : organizations.size());
        if (size > limit) {
            throw new Refused(RatingRulesRefusal.TOO_MANY_SUBJECTS, String.valueOf(size), String.valueOf(limit));
        }
    }

    /** No number of a subject (nor of its maps, such as comments by stance) is below zero. */
    static void checkNotNegative(JsonNode subjects, String field) {
        if (subjects == null || !subjects.isArray()) {
            return;
        }
        for (int i = 0; i < subjects.size(); i++) {
            JsonNode subject = subjects.get(i);
            if (subject == null || !subject.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> fact : subject.properties()) {
                String name = fact.getKey();
                String at = field + "[" + i + "]." + name;
                JsonNode value = fact.getValue();
                if (FREE.contains(name)) {
                    continue;
                }
                if (value.isNumber() && value.doubleValue() < (UNKNOWN_AS_MINUS_ONE.contains(name) ? -1 : 0)) {
                    throw negative(at, value);
                }
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : value.properties()) {
                        if (entry.getValue().isNumber() && entry.getValue().doubleValue() < 0) {
                            throw negative(at + "." + entry.getKey(), entry.getValue());
                        }
                    }
                }
            }
        }
    }

    /** Each part no larger than its whole, and each subject once in its list. */
    static void checkConsistent(List<MemberFacts> members, List<OrganizationFacts> organizations) {
        for (int i = 0; i < members.size(); i++) {
            MemberFacts m = members.get(i);
            String at = "members[" + i + "].";
            targets(m, at);
            partOf(at, "meetingsAttended", m.getMeetingsAttended(), "meetingsRequired", m.getMeetingsRequired());
            partOf(at, "commitmentItemsFulfilled", m.getCommitmentItemsFulfilled(), "commitmentItems",
                    m.getCommitmentItems());
            partOf(at, "ledUnitTargetsCompleted", m.getLedUnitTargetsCompleted(), "ledUnitTargetsAssigned",
                    m.getLedUnitTargetsAssigned());
            partOf(at, "ledUnitTargetsExceeded", m.getLedUnitTargetsExceeded(), "ledUnitTargetsAssigned",
                    m.getLedUnitTargetsAssigned());
            partOf(at, "shortcomingsRemedied", m.getShortcomingsRemedied(), "shortcomingsIdentified",
                    m.getShortcomingsIdentified());
        }
        for (int i = 0; i < organizations.size(); i++) {
            OrganizationFacts o = organizations.get(i);
            String at = "organizations[" + i + "].";
            targets(o, at);
            partOf(at, "subordinateUnitsDisciplined", o.getSubordinateUnitsDisciplined(), "subordinateUnits",
                    o.getSubordinateUnits());
        }
        once(members, "members");
        once(organizations, "organizations");
    }

    /**
     * The criteria and levels subjects rate, against the pack that serves the year (none: {@code no-active-pack}
     * follows); a pack whose manifest declares neither criteria nor a criterion scale checks nothing.
     */
    static void checkCriteria(RatingRules rules, RulePackRegistry registry, int year, Proposal.Subject subject,
            List<? extends SubjectFacts> subjects, String field) {
        if (subjects.stream().allMatch(s -> s.getCriterionLevels().isEmpty())) {
            return;
        }
        PackVersion pack = rules.activeFor(year, subject).orElse(null);
        if (pack == null) {
            return;
        }
        RulePackRegistry.Criteria declared = registry.criteria(pack.packId(), pack.version());
        if (declared.criteria().isEmpty() && declared.scale().isEmpty()) {
            return;
        }
        checkCriteria(subjects, field, declared.criteria().stream()
                .filter(c -> c.subject().equals(subject.name())).map(RulePackRegistry.Criterion::id)
                .collect(Collectors.toSet()),
                declared.scale().stream().map(RulePackRegistry.Level::code).toList());
    }

    /**
     * Each criterion a subject rates is one of the pack's for its kind, with a level of the pack's criterion scale:
     * the engine would otherwise ignore a misspelt criterion or level and rate as if it had not been entered.
     */
    static void checkCriteria(List<? extends SubjectFacts> subjects, String field, Set<String> criteria,
            List<String> levels) {
        for (int i = 0; i < subjects.size(); i++) {
            for (Map.Entry<String, String> rated : subjects.get(i).getCriterionLevels().entrySet()) {
                String at = field + "[" + i + "].criterionLevels." + rated.getKey();
                if (!criteria.contains(rated.getKey())) {
                    throw new Refused(RatingRulesRefusal.CRITERION_UNKNOWN, rated.getKey(), at,
                            String.join(", ", new TreeSet<>(criteria))).with("field", at);
                }
                if (!levels.contains(rated.getValue())) {
                    throw new Refused(RatingRulesRefusal.LEVEL_UNKNOWN, String.valueOf(rated.getValue()), at,
                            String.join(", ", levels)).with("field", at);
                }
            }
        }
    }

    private static void targets(SubjectFacts s, String at) {
        partOf(at, "targetsCompleted", s.getTargetsCompleted(), "targetsAssigned", s.getTargetsAssigned());
        partOf(at, "targetsExceeded", s.getTargetsExceeded(), "targetsAssigned", s.getTargetsAssigned());
        partOf(at, "targetsOnTime", s.getTargetsOnTime(), "targetsAssigned", s.getTargetsAssigned());
    }

    private static void partOf(String at, String part, int partValue, String whole, int wholeValue) {
        if (partValue > wholeValue) {
            throw new Refused(RatingRulesRefusal.FACT_EXCEEDS, at + part, String.valueOf(partValue), at + whole,
                    String.valueOf(wholeValue)).with("field", at + part);
        }
    }

    private static void once(List<? extends SubjectFacts> subjects, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            String id = subjects.get(i).getSubjectId();
            if (id != null && !seen.add(id)) {
                String at = field + "[" + i + "].subjectId";
                throw new Refused(RatingRulesRefusal.SUBJECT_TWICE, id, at).with("field", at);
            }
        }
    }

    private static Refused negative(String at, JsonNode value) {
        return new Refused(RatingRulesRefusal.FACT_NEGATIVE, at, value.asString()).with("field", at);
    }
}
