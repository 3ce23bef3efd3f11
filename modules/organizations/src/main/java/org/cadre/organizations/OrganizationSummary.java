package org.cadre.organizations;

import java.time.LocalDate;

/**
 * What other modules and the pages may read of an organization.
 *
 * @param dissolvedOn the date it was dissolved, or {@code null} while it exists
 * @param agency      the agency or unit it sits in, or {@code null}
 * @param agencyHead  the head of that agency, or {@code null}
 */
public record OrganizationSummary(
        OrganizationId id, String code, String name, OrganizationKind kind, OrganizationId parentId,
        LocalDate establishedOn, LocalDate dissolvedOn, String agency, String agencyHead) {

    public boolean dissolved() {
        return dissolvedOn != null;
    }
}
