package org.cadre.evaluation.internal;

import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberConfirmed;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRegistered;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps evaluation's projections of the tree, the members and the roles current. Listener ids are stable:
 * renaming a method strands nothing. Listeners run asynchronously, so one member's events may be handled out of
 * order: apart from the first insert, each handler reads the current state through the organizations facade,
 * which makes the projections converge whatever the order and a redelivery change nothing.
 */
@Component
class OrganizationEventsListener {

    private final OrganizationProjection projection;
    private final MemberProjection members;
    private final Organizations organizationsFacade;
    private final Members membersFacade;

    OrganizationEventsListener(OrganizationProjection projection, MemberProjection members,
            Organizations organizationsFacade, Members membersFacade) {
        this.projection = projection;
        this.members = members;
        this.organizationsFacade = organizationsFacade;
        this.membersFacade = membersFacade;
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-registered")
    void on(OrganizationRegistered event) {
        projection.record(event);
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-moved")
    void on(OrganizationMoved event) {
        projection.refresh(event.organization(), organizationsFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-renamed")
    void on(org.cadre.organizations.OrganizationRenamed event) {
        projection.refresh(event.organization(), organizationsFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-dissolved")
    void on(OrganizationDissolved event) {
        projection.refresh(event.organization(), organizationsFacade);
    }

    /** Bulk loads publish one event: the projections are rebuilt from the facades (idempotent upserts). */
    @ApplicationModuleListener(id = "evaluation.on-organizations-bulk-loaded")
    void on(OrganizationsBulkLoaded event) {
        projection.rebuild(organizationsFacade);
        members.rebuild(membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-admitted")
    void on(MemberAdmitted event) {
        members.admitted(event);
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-details-corrected")
    void on(org.cadre.organizations.MemberDetailsCorrected event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-confirmed")
    void on(MemberConfirmed event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-transferred")
    void on(MemberTransferred event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-exempted")
    void on(MemberExempted event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-suspended")
    void on(MemberSuspended event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-reinstated")
    void on(MemberReinstated event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-left")
    void on(MemberLeft event) {
        members.refresh(event.member(), membersFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-role-assigned")
    void on(RoleAssigned event) {
        members.refreshRoles(event.organization(), organizationsFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-role-ended")
    void on(RoleEnded event) {
        members.refreshRoles(event.organization(), organizationsFacade);
    }
}
