package org.cadre.organizations.internal;

import java.util.List;
import java.util.Optional;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRejected;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class OrganizationService implements Organizations {

    private final OrganizationRepository organizations;

    OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Override
    public OrganizationId register(RegisterOrganization command) {
        String code = command.code().trim();
        if (organizations.existsByCodeIgnoringCase(code)) {
            throw new OrganizationRejected(HttpStatus.CONFLICT, "code-taken", "code", code);
        }
        if (command.parentId() != null && !organizations.existsById(command.parentId())) {
            throw new OrganizationRejected(HttpStatus.UNPROCESSABLE_CONTENT, "parent-unknown", "parentId",
                    command.parentId());
        }
        Organization organization = Organization.register(code, command.name().trim(), command.kind(),
                command.parentId(), command.establishedOn());
        return organizations.save(organization).organizationId();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> find(OrganizationId id) {
        return organizations.findById(id.value()).map(Organization::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationSummary> list() {
        return organizations.findAllOrderedByCode().stream().map(Organization::summary).toList();
    }
}
