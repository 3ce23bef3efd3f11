package org.cadre.identity;

import java.util.Set;
import java.util.UUID;
import org.cadre.platform.Role;

/**
 * Command: create a user account.
 *
 * @param rawPassword    hashed before it is stored; never kept or logged
 * @param organizationId the root of the subtree the user works in, or none for bloc-wide roles
 * @param memberId       the party member this user is, if any
 * @param coordinatingBodyId the coordinating body a reviewer speaks for, if any
 */
public record NewUserAccount(String username, String rawPassword, String displayName, Set<Role> roles,
        UUID organizationId, UUID memberId, UUID coordinatingBodyId) {

    public NewUserAccount(String username, String rawPassword, String displayName, Set<Role> roles,
            UUID organizationId, UUID memberId) {
        this(username, rawPassword, displayName, roles, organizationId, memberId, null);
    }
}
