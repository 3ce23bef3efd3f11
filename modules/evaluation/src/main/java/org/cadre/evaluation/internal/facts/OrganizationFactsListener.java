package org.cadre.evaluation.internal.facts;

import org.cadre.organizations.MemberAdmitted;
import org.cadre.organizations.MemberConfirmed;
import org.cadre.organizations.MemberDetailsCorrected;
import org.cadre.organizations.MemberExempted;
import org.cadre.organizations.MemberLeft;
import org.cadre.organizations.MemberReinstated;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberStatusChangeCancelled;
import org.cadre.organizations.MemberSuspended;
import org.cadre.organizations.MemberTransferCancelled;
import org.cadre.organizations.MemberTransferred;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRegistered;
import org.cadre.organizations.OrganizationRenamed;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleCancelled;
import org.cadre.organizations.RoleEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The organizations events, applied to the facts ledger from their payloads alone: no call back into the
 * organizations facade. The ids are stable (they were the old projection's): renaming a method strands nothing.
 * Each handler writes rows keyed by the subject and the change's date, so a redelivered or late event leaves the
 * same facts (see {@link FactsLedger}).
 */
@Component
class OrganizationFactsListener {

    private final FactsLedger ledger;
    private final FactsRebuild rebuild;

    OrganizationFactsListener(FactsLedger ledger, FactsRebuild rebuild) {
        this.ledger = ledger;
        this.rebuild = rebuild;
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-registered")
    void on(OrganizationRegistered e) {
        ledger.organizationRegistered(e.organization(), e.parent(), e.code(), e.name(), e.kind(), e.establishedOn());
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-moved")
    void on(OrganizationMoved e) {
        ledger.organizationMoved(e.organization(), e.to(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-renamed")
    void on(OrganizationRenamed e) {
        ledger.organizationRenamed(e.organization(), e.name(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-organization-dissolved")
    void on(OrganizationDissolved e) {
        ledger.organizationDissolved(e.organization(), e.on());
    }

    /** A bulk load publishes one event for many rows: the tree and the members are refilled from the facades. */
    @ApplicationModuleListener(id = "evaluation.on-organizations-bulk-loaded")
    void on(OrganizationsBulkLoaded e) {
        rebuild.submitForBulkLoad(java.util.List.of(), FactsRebuild.Part.ORGANIZATIONS);
    }

    @ApplicationModuleListener(id = "evaluation.on-member-admitted")
    void on(MemberAdmitted e) {
        ledger.memberAdmitted(e.member(), e.organization(), e.cardNumber(), e.fullName(), e.admittedOn(),
                e.confirmedOn(), e.civilServant());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-details-corrected")
    void on(MemberDetailsCorrected e) {
        ledger.detailsCorrected(e.member(), e.fullName(), e.civilServant(), e.correctedAt());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-confirmed")
    void on(MemberConfirmed e) {
        ledger.confirmed(e.member(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-transferred")
    void on(MemberTransferred e) {
        ledger.transferred(e.member(), e.to(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-exempted")
    void on(MemberExempted e) {
        ledger.status(e.member(), MemberStatus.EXEMPT, e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-suspended")
    void on(MemberSuspended e) {
        ledger.status(e.member(), MemberStatus.SUSPENDED, e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-reinstated")
    void on(MemberReinstated e) {
        ledger.status(e.member(), MemberStatus.ACTIVE, e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-left")
    void on(MemberLeft e) {
        ledger.status(e.member(), e.how(), e.on());
    }

    /** The transfer never happened: a tombstone on it (the roles it ended count as held, see V4's view). */
    @ApplicationModuleListener(id = "evaluation.on-member-transfer-cancelled")
    void on(MemberTransferCancelled e) {
        ledger.transferCancelled(e.member(), e.to(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-member-status-change-cancelled")
    void on(MemberStatusChangeCancelled e) {
        ledger.statusCancelled(e.member(), e.cancelled(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-role-assigned")
    void on(RoleAssigned e) {
        ledger.roleAssigned(e.assignment(), e.organization(), e.member(), e.role().name(), e.from());
    }

    @ApplicationModuleListener(id = "evaluation.on-role-ended")
    void on(RoleEnded e) {
        ledger.roleEnded(e.assignment(), e.organization(), e.member(), e.role().name(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-role-cancelled")
    void on(RoleCancelled e) {
        ledger.roleCancelled(e.assignment(), e.organization(), e.member(), e.role().name(), e.from());
    }
}
