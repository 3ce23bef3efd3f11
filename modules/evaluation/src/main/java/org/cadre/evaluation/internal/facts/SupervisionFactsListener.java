package org.cadre.evaluation.internal.facts;

import java.util.List;
import org.cadre.supervision.ChapterMeetingHeld;
import org.cadre.supervision.DisciplineImposed;
import org.cadre.supervision.FeedbackReceived;
import org.cadre.supervision.FindingRecorded;
import org.cadre.supervision.FindingResolved;
import org.cadre.supervision.MemberAttendance;
import org.cadre.supervision.MemberReminded;
import org.cadre.supervision.SupervisionBulkLoaded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The supervision events, applied to the facts ledger from their payloads: a meeting and each member's attendance
 * (meeting and member), reminders, disciplines, findings and comments by their ids. A bulk load refills its year.
 */
@Component
class SupervisionFactsListener {

    private final FactsLedger ledger;
    private final FactsRebuild rebuild;

    SupervisionFactsListener(FactsLedger ledger, FactsRebuild rebuild) {
        this.ledger = ledger;
        this.rebuild = rebuild;
    }

    @ApplicationModuleListener(id = "evaluation.on-chapter-meeting-held")
    void on(ChapterMeetingHeld e) {
        ledger.meeting(e.meeting(), e.organization(), e.kind().name(), e.heldOn());
        for (MemberAttendance a : e.attendance()) {
            ledger.attendance(e.meeting(), a.member(), e.organization(), e.heldOn(), a.attendance().name());
        }
    }

    @ApplicationModuleListener(id = "evaluation.on-member-reminded")
    void on(MemberReminded e) {
        ledger.reminded(e.reminder(), e.member(), e.organization(), e.remindedOn());
    }

    @ApplicationModuleListener(id = "evaluation.on-discipline-imposed")
    void on(DisciplineImposed e) {
        ledger.discipline(e.discipline(), e.violation(), e.member(), e.organization(), e.form().factsCode(),
                e.decidedOn(), e.selfDetected(), e.remedied());
    }

    @ApplicationModuleListener(id = "evaluation.on-finding-recorded")
    void on(FindingRecorded e) {
        ledger.findingRecorded(e.finding(), e.member(), e.organization(), e.recordedOn(), e.remedyDue());
    }

    @ApplicationModuleListener(id = "evaluation.on-finding-resolved")
    void on(FindingResolved e) {
        ledger.findingResolved(e.finding(), e.member(), e.organization(), e.resolvedOn());
    }

    @ApplicationModuleListener(id = "evaluation.on-feedback-received")
    void on(FeedbackReceived e) {
        ledger.comment(e.comment(), e.member(), e.organization(), e.year(), e.stance().name());
    }

    @ApplicationModuleListener(id = "evaluation.on-supervision-bulk-loaded")
    void on(SupervisionBulkLoaded e) {
        rebuild.submitForBulkLoad(List.of(e.year()), FactsRebuild.Part.SUPERVISION);
    }
}
