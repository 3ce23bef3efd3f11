package org.cadre.evaluation.internal.facts;

import java.util.stream.IntStream;
import org.cadre.commitments.ActionProgramAdopted;
import org.cadre.commitments.CommitmentApproved;
import org.cadre.commitments.CommitmentFulfilled;
import org.cadre.commitments.CommitmentMissed;
import org.cadre.commitments.CommitmentOverdue;
import org.cadre.commitments.CommitmentsBulkLoaded;
import org.cadre.commitments.RegulationReviewed;
import org.cadre.commitments.StudyCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The commitments events, applied to the facts ledger from their payloads: registers and items by their ids,
 * study by member and campaign, programmes and reviews by theirs. A bulk load refills its years.
 */
@Component
class CommitmentFactsListener {

    private final FactsLedger ledger;
    private final FactsRebuild rebuild;

    CommitmentFactsListener(FactsLedger ledger, FactsRebuild rebuild) {
        this.ledger = ledger;
        this.rebuild = rebuild;
    }

    @ApplicationModuleListener(id = "evaluation.on-commitment-approved")
    void on(CommitmentApproved e) {
        ledger.registerApproved(e.register(), e.member(), e.organization(), e.year(), e.items());
    }

    @ApplicationModuleListener(id = "evaluation.on-commitment-fulfilled")
    void on(CommitmentFulfilled e) {
        ledger.itemAssessed(e.item(), e.register(), e.member(), e.organization(), e.year(), true, e.assessedOn(),
                e.exceeded(), e.onTime());
    }

    @ApplicationModuleListener(id = "evaluation.on-commitment-missed")
    void on(CommitmentMissed e) {
        ledger.itemAssessed(e.item(), e.register(), e.member(), e.organization(), e.year(), false, e.assessedOn(),
                false, false);
    }

    @ApplicationModuleListener(id = "evaluation.on-commitment-overdue")
    void on(CommitmentOverdue e) {
        ledger.itemOverdue(e.item(), e.register(), e.member(), e.organization(), e.year());
    }

    @ApplicationModuleListener(id = "evaluation.on-study-completed")
    void on(StudyCompleted e) {
        ledger.studied(e.member(), e.campaign(), e.organization(), e.year(), e.on());
    }

    @ApplicationModuleListener(id = "evaluation.on-action-program-adopted")
    void on(ActionProgramAdopted e) {
        ledger.programmeAdopted(e.programme(), e.organization(), e.year(), e.adoptedOn(),
                e.committeeSigner() != null, e.agencyHeadSigner() != null);
    }

    @ApplicationModuleListener(id = "evaluation.on-regulation-reviewed")
    void on(RegulationReviewed e) {
        ledger.regulationReviewed(e.review(), e.organization(), e.year(), e.reviewedOn());
    }

    @ApplicationModuleListener(id = "evaluation.on-commitments-bulk-loaded")
    void on(CommitmentsBulkLoaded e) {
        rebuild.submitForBulkLoad(IntStream.rangeClosed(e.fromYear(), e.toYear()).boxed().toList(),
                FactsRebuild.Part.COMMITMENTS);
    }
}
