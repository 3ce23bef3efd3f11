package org.cadre.evaluation;

import java.util.UUID;

/**
 * Who decides a list of a cycle: the organization whose committee is competent, and whether that is the
 * regulation's default (members: the grassroots organization itself; organizations: the committee directly above)
 * or was set by evaluation staff (then who and when is kept with it).
 */
public record DecisionAuthority(UUID cycle, UUID organization, String kind, UUID competent, String competentName,
        boolean byDefault) {
}
