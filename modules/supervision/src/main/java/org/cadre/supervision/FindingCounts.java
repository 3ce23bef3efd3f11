package org.cadre.supervision;

/**
 * Findings on a subject (a member, or an organization itself) of a year: open at the end of the year (or today) and
 * resolved in it.
 */
public record FindingCounts(int open, int resolved) {
}
