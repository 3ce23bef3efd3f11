package org.cadre.ratingrules.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.RatingScale;

/**
 * A pack's {@code pack.yaml}, read and validated by {@link ManifestReader}. See {@code docs/rule-packs.md}.
 *
 * @param scales the rating scale of each subject the pack rates: one scale for all ({@code scale:} a list) or one
 *               per subject ({@code scale:} a mapping of MEMBER and ORGANIZATION to lists), as the 2014 regime rated
 *               members and organizations on different scales
 */
public record Manifest(String id, int version, int factsContract, Map<String, String> name, Regulation regulation,
        int yearFrom, Integer yearTo, Set<Proposal.Subject> subjects, Map<Proposal.Subject, List<Level>> scales,
        List<Level> criterionScale, List<Criterion> criteria, List<ParameterDefinition> parameters,
        List<Quota> quotas) {

    /** The regulation the pack implements. */
    public record Regulation(String number, String date, String issuer, String guidance, String article) {
    }

    /** A level of the rating scale or of the criterion scale. */
    public record Level(String code, int rank, Map<String, String> label) {
    }

    /** A criterion chapters rate; {@code group} is what rules test ({@code TASK_RESULT}, {@code OTHER}...). */
    public record Criterion(String id, Proposal.Subject subject, String group, Map<String, String> label,
            String article) {
    }

    /**
     * The types a parameter may have. A {@code SHARE} is a part of a whole held exactly ({@code 1/3}, {@code 20%}):
     * see {@link org.cadre.ratingrules.facts.Share}.
     */
    public enum ParameterType {
        DECIMAL, INTEGER, SHARE, BOOLEAN, TEXT, LEVEL
    }

    /**
     * A parameter: a threshold or a switch of the regulation, editable without touching a rule.
     *
     * @param group the heading the parameter form shows it under, by language (optional {@code group:}; empty when
     *              not declared: the form then uses the {@code # --- … ---} comment above it)
     * @param unit  what its number counts, by language (optional {@code unit:}, for example months); empty when not
     *              declared
     */
    public record ParameterDefinition(String name, ParameterType type, Object defaultValue, Double min, Double max,
            Map<String, String> label, String article, Map<String, String> group, Map<String, String> unit) {

        public ParameterDefinition {
            group = group == null ? Map.of() : Map.copyOf(group);
            unit = unit == null ? Map.of() : Map.copyOf(unit);
        }

        public ParameterDefinition(String name, ParameterType type, Object defaultValue, Double min, Double max,
                Map<String, String> label, String article) {
            this(name, type, defaultValue, min, max, label, article, Map.of(), Map.of());
        }
    }

    /** How quota groups are formed. */
    public enum QuotaGroup {
        GRASSROOTS_ORGANIZATION, PARENT, PEER_GROUP
    }

    /** A quota: at most {@code share} x count(base) subjects of a group may hold {@code level}. */
    public record Quota(String id, Proposal.Subject subject, String level, String base, String share, QuotaGroup per,
            String demoteTo, String enabled, String article) {
    }

    /** The scale a subject is rated on. */
    public RatingScale ratingScale(Proposal.Subject subject) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        scale(subject).forEach(level -> ranks.put(level.code(), level.rank()));
        return new RatingScale(ranks);
    }

    /** The levels of a subject's scale, highest first (empty when the pack does not rate the subject). */
    public List<Level> scale(Proposal.Subject subject) {
        return scales.getOrDefault(subject, List.of());
    }

    /** Every level of every scale, each code once, highest first: what a level parameter or a scenario may name. */
    public List<Level> scale() {
        Map<String, Level> all = new LinkedHashMap<>();
        scales.values().forEach(levels -> levels.forEach(level -> all.putIfAbsent(level.code(), level)));
        return List.copyOf(all.values());
    }

    /**
     * The label of a level of a subject's scale in a language ({@code vi}, {@code en}), falling back to Vietnamese
     * and then to the code: what pages and the API show beside the code.
     */
    public String levelLabel(Proposal.Subject subject, String code, String language) {
        return scale(subject).stream().filter(level -> level.code().equals(code)).findFirst()
                .map(level -> level.label().getOrDefault(language, level.label().getOrDefault("vi", code)))
                .orElse(code);
    }

    public boolean appliesTo(int year) {
        return year >= yearFrom && (yearTo == null || year <= yearTo);
    }

    public Optional<ParameterDefinition> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The defaults of every parameter. */
    public Map<String, Object> defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.defaultValue()));
        return values;
    }

    /** The criterion groups by criterion id, for one subject. */
    public Map<String, String> criterionGroups(Proposal.Subject subject) {
        Map<String, String> groups = new LinkedHashMap<>();
        criteria.stream().filter(c -> c.subject() == subject).forEach(c -> groups.put(c.id(), c.group()));
        return groups;
    }

    public String label(String language) {
        return name.getOrDefault(language, name.getOrDefault("vi", id));
    }

    public String years() {
        return yearFrom + "–" + (yearTo == null ? "" : yearTo);
    }
}
