package org.cadre.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cadre.ratingrules.facts.Proposal;

/**
 * The level that holds for a subject of a signed decision (the latest changed appeal's, else the decision's) and
 * whether it may be appealed now.
 *
 * @param source     {@code DECISION} or {@code APPEAL}
 * @param lastDay    the last day an appeal may be filed (the committee's time zone)
 * @param appealable the cycle is open, the window has not passed and no appeal is being re-examined
 */
public record DecidedRating(UUID cycle, int year, UUID subject, Proposal.Subject subjectKind, String subjectName,
        String level, String source, UUID decision, Instant signedAt, LocalDate lastDay, boolean appealable) {
}
