package org.cadre.evaluation.internal.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Writer;
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
 *
 * <p>What equals its default is left out, since reading it back gives the same value: a fact equal to its value in
 * a new {@link MemberFacts} or {@link OrganizationFacts} (most of them, for most subjects) and any null of the
 * explanation. A rating is written for every subject of every run (5.6 million of them nationally): this halves the
 * stored facts and shortens every run's COPY.
 */
public final class RatingJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addMixIn(MemberFacts.class, LeaveOutDefaults.class)
            .addMixIn(OrganizationFacts.class, LeaveOutDefaults.class)
            .build();

    /** Compared with a new instance of the facts' own class, property by property. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    private abstract static class LeaveOutDefaults {
    }

    private RatingJson() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Writes the JSON into a writer (left open): a run writes it straight into its COPY rows. */
    public static void write(Object value, Writer out) {
        MAPPER.writeValue(out, value);
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
