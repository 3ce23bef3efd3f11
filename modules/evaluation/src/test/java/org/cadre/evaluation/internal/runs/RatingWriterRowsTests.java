package org.cadre.evaluation.internal.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.internal.results.RatingJson;
import org.cadre.ratingrules.FiredRule;
import org.cadre.ratingrules.SubjectRating;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.facts.Reason;
import org.junit.jupiter.api.Test;

/**
 * A run's rows in COPY's text format read back, as PostgreSQL reads them, to exactly the values and JSON a rating
 * has, whatever its text holds: backslashes, tabs, line breaks, quotes, Vietnamese.
 */
class RatingWriterRowsTests {

    @Test
    void hostileTextSurvivesTheRowsAsCopyReadsThem() {
        MemberFacts facts = new MemberFacts();
        facts.setSubjectId(UUID.randomUUID().toString());
        facts.setOrganizationId(UUID.randomUUID().toString());
        facts.setGrassrootsOrganizationId(UUID.randomUUID().toString());
        facts.setPeerGroup("nhóm\t\"A\"\\B\nC\rD");
        facts.setCriterionLevels(Map.of("NHIỆM_VỤ", "TỐT\\"));
        String note = "Ghi chú: \\N không phải NULL;\ttab;\nxuống dòng; \"ngoặc\"; \\\\ hai";
        SubjectRating rating = new SubjectRating(facts.getSubjectId(), Proposal.Subject.MEMBER, "L\t1", Map.of(), null,
                false, false, List.of(new Reason(Reason.Effect.QUALIFIES, "L\t1", "R\\1", "Tiêu chí\n", "Điều 12",
                        note)), 0, List.of(new FiredRule("R\\1", "Quy tắc\r", null, null, List.of(), Map.of())));
        UUID run = UUID.randomUUID();

        String rows = new RatingWriter(null, null).rows(run, List.of(new RatingWriter.Rated(rating, facts)));

        assertThat(rows).endsWith("\n").containsOnlyOnce("\n");
        List<String> columns = columns(rows.substring(0, rows.length() - 1));
        assertThat(columns).hasSize(11);
        assertThat(columns.get(0)).isEqualTo(run.toString());
        assertThat(columns.get(2)).isEqualTo(facts.getSubjectId());
        assertThat(columns.get(5)).isEqualTo("L\t1");
        assertThat(columns.get(8)).isEqualTo("R\\1");
        assertThat(columns.get(9)).isEqualTo(RatingJson.write(facts));
        assertThat(columns.get(10)).isEqualTo(RatingJson.write(rating));
        assertThat(RatingJson.explanation(columns.get(10))).isEqualTo(rating);
    }

    /** Splits a row of COPY's text format at its delimiters and undoes its escapes, as the server does. */
    private static List<String> columns(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder column = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\t') {
                out.add(column.toString());
                column.setLength(0);
            } else if (c == '\\') {
                char next = row.charAt(++i);
                column.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                assertThat(c).as("a raw line break inside a row").isNotIn('\n', '\r');
                column.append(c);
            }
        }
        out.add(column.toString());
        return out;
    }
}
