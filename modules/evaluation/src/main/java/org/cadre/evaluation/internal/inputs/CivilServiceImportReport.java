package org.cadre.evaluation.internal.inputs;

import java.util.List;
import java.util.UUID;

/**
 * What a civil-service rating import found, row by row.
 *
 * @param staged  on a dry run without problems, the id under which the checked file is kept for its owner to import
 *                (a day at most); {@code null} otherwise
 * @param rows    data rows read (the heading not counted)
 * @param written whether this was the real import and it wrote every row
 */
public record CivilServiceImportReport(UUID staged, int rows, List<RowResult> results, boolean written) {

    public CivilServiceImportReport {
        results = List.copyOf(results);
    }

    public boolean ok() {
        return results.stream().allMatch(RowResult::ok);
    }

    public List<RowResult> problems() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    /**
     * One data row: its number as the spreadsheet shows it (the heading is row 1), what it says, the level code it
     * names, the member it is about, and what is wrong with it (nothing when it is good).
     */
    public record RowResult(int row, String cardNumber, String fullName, String level, String levelCode,
            UUID member, List<Problem> problems) {

        public RowResult {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A problem of a row: its text is {@code evaluation.inputs.import.<reason>} with the arguments. */
    public record Problem(String reason, List<String> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public String messageKey() {
            return "evaluation.inputs.import." + reason;
        }
    }
}
