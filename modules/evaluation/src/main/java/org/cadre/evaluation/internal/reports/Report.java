package org.cadre.evaluation.internal.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.ratingrules.RulePackRegistry.Level;

/**
 * The reports of one cycle for one organization (the cycle's whole scope, or an organization inside it), read from
 * the cycle's current run: the distribution of levels with a row per organization directly below, the comparison
 * with the previous year's cycle of the same scope, the statutory statistics table and the subjects rated at the
 * lowest level ("not completed") with their decisive reason.
 *
 * @param run                the current run, or {@code null} when the cycle has no finished run yet (everything empty)
 * @param root               the organization the report is about
 * @param wholeCycle         whether the report covers the whole scope of the cycle
 * @param rootRating         the organization's own rating in the run, when it is one of the rated subjects
 * @param memberScale        the levels of the members' scale of the pinned pack, highest first
 * @param organizationScale  the levels of the organizations' scale, highest first
 * @param members            the members of the subtree (of the whole run for the cycle's scope)
 * @param organizations      the organizations below the root (the root's own rating is {@code rootRating})
 * @param rows               one row per organization directly below the root, in code order
 * @param comparison         the previous year, or {@code null} when there is no finished cycle of year-1 for the
 *                           same scope, or it rated nobody of this subtree
 * @param decided            the decisions of the competent level on the lists of the subtree, with the departures
 */
public record Report(UUID cycle, int year, UUID scope, String packId, int packVersion, UUID run, Instant finishedAt,
        UUID root, String rootCode, String rootName, boolean wholeCycle, Own rootRating, List<Level> memberScale,
        List<Level> organizationScale, Distribution members, Distribution organizations, List<Row> rows,
        Comparison comparison, Statutory statutory, List<NotCompleted> notCompleted, Decided decided) {

    public Report {
        memberScale = List.copyOf(memberScale);
        organizationScale = List.copyOf(organizationScale);
        rows = List.copyOf(rows);
        notCompleted = List.copyOf(notCompleted);
    }

    public boolean hasResults() {
        return run != null;
    }

    /** The lowest level of the members' scale ("not completed"), or {@code null} for an empty scale. */
    public String lowestMemberLevel() {
        return memberScale.isEmpty() ? null : memberScale.get(memberScale.size() - 1).code();
    }

    public String lowestOrganizationLevel() {
        return organizationScale.isEmpty() ? null : organizationScale.get(organizationScale.size() - 1).code();
    }

    /** The label of a level of a subject's scale ({@code MEMBER} or {@code ORGANIZATION}) in a language. */
    public String label(String subject, String code, String language) {
        if (code == null) {
            return "";
        }
        List<Level> scale = "MEMBER".equals(subject) ? memberScale : organizationScale;
        return scale.stream().filter(l -> l.code().equals(code)).findFirst().map(l -> l.label(language))
                .orElse(code);
    }

    /** An organization's own rating: its level, or excluded, or pending. */
    public record Own(String level, boolean excluded, boolean pending) {
    }

    /**
     * An organization directly below the root: its own rating ({@code null} when it was not rated itself), the
     * members of its subtree and the organizations below it.
     */
    public record Row(UUID id, String code, String name, String kind, Own own, Distribution members,
            Distribution organizations) {
    }

    /**
     * The same subtree in the previous year's cycle: the counts by level both years over the union of the two
     * scales (a level only the previous pack had comes last).
     */
    public record Comparison(int previousYear, UUID previousCycle, List<Level> memberLevels,
            List<Level> organizationLevels, Distribution membersBefore, Distribution organizationsBefore) {

        public Comparison {
            memberLevels = List.copyOf(memberLevels);
            organizationLevels = List.copyOf(organizationLevels);
        }
    }

    /**
     * The statutory statistics a committee reports upward: members, grassroots organizations and the organizations
     * below them (sub-unit committees and chapters), the root itself included when it was rated, and the official
     * reasons for "not completed" counted from each such subject's decisive reason.
     */
    public record Statutory(Distribution members, Distribution grassroots, Distribution subordinates,
            List<ReasonCount> reasons) {

        public Statutory {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One reason for "not completed": the rule's criterion (or the engine's own message) by language, the rule and
     * article it cites, and how many members and organizations it decided.
     */
    public record ReasonCount(String ruleId, String article, Map<String, String> text, long members,
            long organizations) {

        public ReasonCount {
            text = Map.copyOf(text);
        }

        public String text(String language) {
            return text.getOrDefault(language, text.getOrDefault("vi", ruleId == null ? "" : ruleId));
        }

        public long total() {
            return members + organizations;
        }
    }

    /** A subject rated at the lowest level, with where it sits and the decisive reason by language. */
    public record NotCompleted(String subject, UUID id, String name, String organizationName,
            Map<String, String> reason, String ruleId, String article) {

        public NotCompleted {
            reason = Map.copyOf(reason);
        }

        public String reason(String language) {
            return reason.getOrDefault(language, reason.getOrDefault("vi", ""));
        }

        public boolean isMember() {
            return "MEMBER".equals(subject);
        }
    }

    /**
     * The decisions of the competent level: each list with its status and number of departures from the proposal,
     * and each departure with the level decided and its reason (a level that does not depart is the proposal).
     */
    public record Decided(List<DecidedList> lists, List<Departure> departures) {

        public Decided {
            lists = List.copyOf(lists);
            departures = List.copyOf(departures);
        }

        public static Decided none() {
            return new Decided(List.of(), List.of());
        }

        public boolean isEmpty() {
            return lists.isEmpty();
        }

        /** One list: a grassroots organization's members or organizations, DRAFT or SIGNED. */
        public record DecidedList(UUID id, UUID organization, String organizationName, String kind, String status,
                String number, int subjects, int departures) {
        }

        /** A subject decided at a level other than the proposal, with the reason given. */
        public record Departure(String subject, UUID id, String name, String organizationName, String proposed,
                String level, String reason) {

            public boolean isMember() {
                return "MEMBER".equals(subject);
            }
        }
    }
}
