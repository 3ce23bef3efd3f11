package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;

/** A role held by a member in an organization, from a date until (exclusive) another, or still held. */
public record RoleAssignment(UUID id, OrganizationId organization, MemberId member, String memberName,
        OrganizationRole role, LocalDate from, LocalDate until) {
}
