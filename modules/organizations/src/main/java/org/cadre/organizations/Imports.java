package org.cadre.organizations;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Import from and export to spreadsheets (.xlsx and CSV, Vietnamese headings). An import is checked row by row
 * first (a dry run writes nothing and lists every bad row), then written all or nothing in one transaction,
 * idempotent by the natural keys (organization code, party card number).
 */
public interface Imports {

    /** Largest file accepted, in bytes. */
    int MAX_BYTES = 5 * 1024 * 1024;
    /** Most data rows accepted in one file. */
    int MAX_ROWS = 20_000;

    /** An empty template with the Vietnamese headings and one example row. */
    byte[] template(ImportKind kind, boolean xlsx);

    /**
     * Reads and checks the file without writing anything.
     *
     * @param mayWrite whether the caller may write into an organization (their scope)
     */
    ImportReport check(ImportKind kind, String filename, byte[] content, Predicate<OrganizationId> mayWrite);

    /**
     * Checks, then writes everything in one transaction, publishing the events of each change; writes nothing
     * when any row is bad.
     *
     * @param progress told the number of rows done so far
     */
    ImportReport run(ImportKind kind, String filename, byte[] content, Predicate<OrganizationId> mayWrite,
            IntConsumer progress);

    /** The tree as of a date as .xlsx: one row per organization, with its level and member counts. */
    byte[] exportTree(LocalDate asOf, List<OrganizationId> roots);

    /** The members of an organization (and its subtree) as .xlsx, in the import's columns. */
    byte[] exportMembers(OrganizationId organization, boolean subtree, LocalDate asOf, boolean withNationalIds);
}
