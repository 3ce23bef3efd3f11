package org.cadre.organizations.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, UUID> {

    @Query("SELECT EXISTS (SELECT 1 FROM organizations.organization WHERE lower(code) = lower(:code))")
    boolean existsByCodeIgnoringCase(String code);
}
