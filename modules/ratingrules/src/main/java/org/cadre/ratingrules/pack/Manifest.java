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
 */
public record Manifest(String id, int version, int factsContract, Map<String, String> name, Regulation regulation,
        int yearFrom, Integer yearTo, Set<Proposal.Subject> subjects, List<Level> scale, List<Level> criterionScale,
        List<Criterion> criteria, List<ParameterDefinition> parameters, List<Quota> quotas) {

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

    /** The types a parameter may have. */
    public enum ParameterType {
        DECIMAL, INTEGER, BOOLEAN, TEXT, LEVEL
    }

    /** A parameter: a threshold or a switch of the regulation, editable without touching a rule. */
    public record ParameterDefinition(String name, ParameterType type, Object defaultValue, Double min, Double max,
            Map<String, String> label, String article) {
    }

    /** How quota groups are formed. */
    public enum QuotaGroup {
        GRASSROOTS_ORGANIZATION, PARENT, PEER_GROUP
    }

    /** A quota: at most {@code share} x count(base) subjects of a group may hold {@code level}. */
    public record Quota(String id, Proposal.Subject subject, String level, String base, String share, QuotaGroup per,
            String demoteTo, String enabled, String article) {
    }

    public RatingScale ratingScale() {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        scale.forEach(level -> ranks.put(level.code(), level.rank()));
        return new RatingScale(ranks);
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
