package org.cadre.organizations;

import java.time.LocalDate;

/** What other modules and the pages may read of an organization. */
public record OrganizationSummary(
        OrganizationId id, String code, String name, OrganizationKind kind, OrganizationId parentId,
        LocalDate establishedOn) {
}
