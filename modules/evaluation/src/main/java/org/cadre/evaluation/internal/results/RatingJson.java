package org.cadre.evaluation.internal.results;

import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;
import org.cadre.ratingrules.facts.SubjectFacts;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a stored rating's two JSON columns are written and read: {@code explanation} is the engine's
 * {@link SubjectRating} (level, labels, reasons with the decisive one, fired rules with the values they read) and
 * {@code facts} the {@link MemberFacts} or {@link OrganizationFacts} the rules were given. One mapper for the run that
 * writes them and every page and report that reads them. Derived getters (ratios) are written for readers of the
 * JSON and ignored when facts are read back.
 */
public final class RatingJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RatingJson() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static SubjectRating explanation(String json) {
        return MAPPER.readValue(json, SubjectRating.class);
    }

    public static MemberFacts memberFacts(String json) {
        return MAPPER.readValue(json, MemberFacts.class);
    }

    public static OrganizationFacts organizationFacts(String json) {
        return MAPPER.readValue(json, OrganizationFacts.class);
    }

    /** The facts of either subject, by the subject column's value ({@code MEMBER} or {@code ORGANIZATION}). */
    public static SubjectFacts facts(String subject, String json) {
        return "MEMBER".equals(subject) ? memberFacts(json) : organizationFacts(json);
    }
}
