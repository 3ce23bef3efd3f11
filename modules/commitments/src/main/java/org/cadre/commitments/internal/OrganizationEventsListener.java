package org.cadre.commitments.internal;

import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who must study and register follows organizations' events: admitted and reinstated members must, exempt and
 * suspended ones need not, members who left are no longer counted, and a transferred member takes their register
 * with them. Listener ids are stable; each handler reads the member's current state (idempotent, order-proof).
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

    @ApplicationModuleListener(id = "commitments.on-organizations-bulk-loaded")
    void on(OrganizationsBulkLoaded event) {
        roster.rebuildCurrent();
    }
}
