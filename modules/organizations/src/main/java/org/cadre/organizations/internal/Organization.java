package org.cadre.organizations.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRegistered;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A party organization: the aggregate root of the tree. Refers to its parent by id. */
@Table(schema = "organizations", name = "organization")
class Organization extends AbstractAggregateRoot<Organization> {

    @Id
    private final UUID id;
    private final String code;
    private final String name;
    private final OrganizationKind kind;
    private final UUID parentId;
    private final LocalDate establishedOn;
    @Version
    private Long version;

    @PersistenceCreator
    Organization(UUID id, String code, String name, OrganizationKind kind, UUID parentId, LocalDate establishedOn,
            Long version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentId = parentId;
        this.establishedOn = establishedOn;
        this.version = version;
    }

    static Organization register(String code, String name, OrganizationKind kind, UUID parentId,
            LocalDate establishedOn) {
        Organization organization = new Organization(UUID.randomUUID(), code, name, kind, parentId, establishedOn,
                null);
        organization.registerEvent(new OrganizationRegistered(organization.organizationId(),
                parentId == null ? null : new OrganizationId(parentId), code, name, kind, establishedOn));
        return organization;
    }

    OrganizationId organizationId() {
        return new OrganizationId(id);
    }
}
