package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A role held by a member in an organization, from a date until (exclusive) another, or still held.
 *
 * @param recordedBy the user who recorded it, or {@code null} (the system, or before recorders were kept)
 */
public record RoleAssignment(UUID id, OrganizationId organization, MemberId member, String memberName,
        OrganizationRole role, LocalDate from, LocalDate until, String recordedBy) {

    public RoleAssignment(UUID id, OrganizationId organization, MemberId member, String memberName,
            OrganizationRole role, LocalDate from, LocalDate until) {
        this(id, organization, member, memberName, role, from, until, null);
    }
}
