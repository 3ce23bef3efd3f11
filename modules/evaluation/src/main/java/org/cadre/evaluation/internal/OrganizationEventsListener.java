package org.cadre.evaluation.internal;

import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberConfirmed;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferCancelled;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRegistered;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleCancelled;
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

    /**
     * A transfer recorded by mistake: the member and the roles it had ended, as the facade has them now (both
     * organizations' roles are read again; a redelivery changes nothing).
     */
    @ApplicationModuleListener(id = "evaluation.on-member-transfer-cancelled")
    void on(MemberTransferCancelled event) {
        members.refresh(event.member(), membersFacade);
        members.refreshRoles(event.from(), organizationsFacade);
        members.refreshRoles(event.to(), organizationsFacade);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-status-change-cancelled")
    void on(MemberStatusChangeCancelled event) {
        members.refresh(event.member(), membersFacade);
        members.refreshRoles(event.organization(), organizationsFacade);
    }

    /** The member never held the role: its row goes (deleting what is gone already changes nothing). */
    @ApplicationModuleListener(id = "evaluation.on-role-cancelled")
    void on(RoleCancelled event) {
        members.removeRole(event.assignment());
    }
}
