package org.cadre.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * One list of a cycle as the list of lists shows it: whose list (a grassroots organization's members, or its
 * organizations), who decides it, where it stands, how many subjects and departures from the proposal.
 *
 * @param kind        {@code MEMBER} or {@code ORGANIZATION}
 * @param parent      the organization directly above it at the year's end (null at the top), the one other
 *                    organization that may be made competent
 * @param byDefault   whether the competent organization is the regulation's default (no authority row)
 * @param mayDecide   whether the caller is of the competent level
 */
public record DecisionSummary(UUID id, UUID cycle, UUID organization, String organizationName, UUID parent,
        String parentName, String kind,
        UUID competent, String competentName, boolean byDefault, DecisionStatus status, int subjects,
        int departures, String number, String signedBy, Instant signedAt, boolean mayDecide) {
}
