package org.cadre.organizations;

import java.util.List;
import java.util.UUID;

/** A coordinating body (inspection commission, organization commission, ...) and what it may comment on. */
public record CoordinatingBody(UUID id, String code, String name, List<OrganizationId> mayCommentOn) {
}
