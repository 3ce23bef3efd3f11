package org.cadre.evaluation;

import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;

/** An organization as the evaluation module knows it, from its own projection of the tree. */
public record EvaluatedOrganization(OrganizationId id, OrganizationId parent, String code, String name,
        OrganizationKind kind) {
}
