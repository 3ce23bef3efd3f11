package org.cadre.organizations;

import java.util.List;

/**
 * The outcome of checking or running an import.
 *
 * @param rows      data rows read (the heading not counted)
 * @param created   rows that create a record (would create, on a dry run)
 * @param unchanged rows that match a record already there: importing the same file again changes nothing
 * @param problems  every bad row; when there is any, nothing was written
 * @param written   whether this was a run that wrote
 * @param updated   rows whose member exists with other personal data, corrected from the file because the user
 *                  chose to update (would be, on a dry run)
 */
public record ImportReport(ImportKind kind, int rows, int created, int unchanged, List<ImportProblem> problems,
        boolean written, int updated) {

    public ImportReport(ImportKind kind, int rows, int created, int unchanged, List<ImportProblem> problems,
            boolean written) {
        this(kind, rows, created, unchanged, problems, written, 0);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
