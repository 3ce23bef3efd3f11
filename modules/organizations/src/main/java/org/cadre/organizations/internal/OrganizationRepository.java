package org.cadre.organizations.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, UUID> {

    @Query("SELECT EXISTS (SELECT 1 FROM organizations.organization WHERE lower(code) = lower(:code))")
    boolean existsByCodeIgnoringCase(String code);

    @Query("SELECT * FROM organizations.organization ORDER BY code")
    List<Organization> findAllOrderedByCode();
}
