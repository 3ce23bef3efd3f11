package org.cadre.evaluation.internal;

import org.cadre.organizations.OrganizationRegistered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps evaluation's projection of the tree current. Listener ids are stable: renaming a method strands nothing. */
@Component
class OrganizationEventsListener {

    private final OrganizationProjection projection;

    OrganizationEventsListener(OrganizationProjection projection) {
        this.projection = projection;
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-registered")
    void on(OrganizationRegistered event) {
        projection.record(event);
    }
}
