package org.cadre.organizations;

import java.util.List;

/**
 * One bad cell or row of an import: the row as the spreadsheet numbers it (the heading is row 1), the column
 * heading, a reason, and the message key of its text with the arguments. A row that breaks a rule of the domain
 * reports the same reason (and text) as the page and the API would: {@code problemDetail.organizations.<reason>}.
 */
public record ImportProblem(int row, String column, String reason, List<String> arguments, String messageKey) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
        messageKey = messageKey == null ? "import.problem." + reason : messageKey;
    }

    /** A problem of the file itself or of a cell: its text is {@code import.problem.<reason>}. */
    public ImportProblem(int row, String column, String reason, List<String> arguments) {
        this(row, column, reason, arguments, null);
    }
}
