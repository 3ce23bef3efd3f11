package org.cadre.organizations;

import org.cadre.platform.Edits;

/**
 * The records whose edit forms are guarded against lost updates ({@link Edits}): a member's personal data and an
 * organization's details (its name and its agency: one version, the {@code ETag} of the organization on the API).
 * The pages and the API load the version from here and the facade claims it.
 */
public final class OrganizationEdits {

    private OrganizationEdits() {
    }

    /** A member's personal data (the correct form, {@code POST /api/members/{id}/correct}). */
    public static String memberDetails(MemberId id) {
        return Edits.record("organizations.member", id.value());
    }

    /**
     * An organization's name and agency (the rename and agency forms, {@code POST /api/organizations/{id}/rename}
     * and {@code /agency}).
     */
    public static String details(OrganizationId id) {
        return Edits.record("organizations.organization", id.value());
    }
}
