package org.cadre.organizations;

import java.util.List;
import java.util.Optional;

/** The organizations module's facade: the only way other modules and the web layer reach the tree. */
public interface Organizations {

    /**
     * Registers an organization and publishes {@link OrganizationRegistered} in the same transaction.
     *
     * @throws OrganizationRejected when the code is taken or the parent does not exist
     */
    OrganizationId register(RegisterOrganization command);

    Optional<OrganizationSummary> find(OrganizationId id);

    /** All organizations, in code order. */
    List<OrganizationSummary> list();
}
