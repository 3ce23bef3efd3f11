package org.cadre.commitments.internal;

import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferCancelled;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who must study and register follows organizations' events: admitted and reinstated members must, exempt and
 * suspended ones need not, members who left are no longer counted, and a transferred member takes their register
 * with them (and brings it back when the transfer is cancelled as a mistake). Listener ids are stable; each handler reads the member's current state (idempotent, order-proof).
 */
@Component("commitmentsOrganizationEventsListener")
class OrganizationEventsListener {

    private final DutyRoster roster;

    OrganizationEventsListener(DutyRoster roster) {
        this.roster = roster;
    }

    @ApplicationModuleListener(id = "commitments.on-member-admitted")
    void on(MemberAdmitted event) {
        roster.refresh(event.member(), event.admittedOn().getYear());
    }

    @ApplicationModuleListener(id = "commitments.on-member-exempted")
    void on(MemberExempted event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    @ApplicationModuleListener(id = "commitments.on-member-suspended")
    void on(MemberSuspended event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    @ApplicationModuleListener(id = "commitments.on-member-reinstated")
    void on(MemberReinstated event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    @ApplicationModuleListener(id = "commitments.on-member-left")
    void on(MemberLeft event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    @ApplicationModuleListener(id = "commitments.on-member-transferred")
    void on(MemberTransferred event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    /** A transfer recorded by mistake was cancelled: the member and their register are back where they were. */
    @ApplicationModuleListener(id = "commitments.on-member-transfer-cancelled")
    void on(MemberTransferCancelled event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    /** A status change recorded by mistake was cancelled: the member's duty is what the restored status says. */
    @ApplicationModuleListener(id = "commitments.on-member-status-change-cancelled")
    void on(MemberStatusChangeCancelled event) {
        roster.refresh(event.member(), event.on().getYear());
    }

    @ApplicationModuleListener(id = "commitments.on-organizations-bulk-loaded")
    void on(OrganizationsBulkLoaded event) {
        roster.rebuildCurrent();
    }
}
