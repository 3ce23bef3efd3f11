package org.cadre.organizations;

import java.util.List;

/**
 * One bad cell or row of an import: the row as the spreadsheet numbers it (the heading is row 1), the column
 * heading, and a reason whose text comes from the message key {@code import.problem.<reason>} with the arguments.
 */
public record ImportProblem(int row, String column, String reason, List<String> arguments) {
}
