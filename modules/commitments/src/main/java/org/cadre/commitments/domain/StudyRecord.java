package org.cadre.commitments.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.cadre.commitments.CommitmentsRefusal;
import org.cadre.commitments.StudyCompleted;
import org.cadre.commitments.StudyHow;
import org.cadre.commitments.StudyStatus;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Refused;

/**
 * A member's study of one campaign's resolution. Completed once: at a session, or later with a note; a second
 * session attended changes nothing. A member who has left cannot complete it.
 */
public final class StudyRecord {

    private final Campaign campaign;
    private final MemberId member;
    private final OrganizationId organization;
    private final StudyStatus status;
    private LocalDate studiedOn;
    private StudyHow how;
    private String note;
    private UUID session;

    public StudyRecord(Campaign campaign, MemberId member, OrganizationId organization, StudyStatus status,
            LocalDate studiedOn, StudyHow how, String note, UUID session) {
        this.campaign = campaign;
        this.member = member;
        this.organization = organization;
        this.status = status;
        this.studiedOn = studiedOn;
        this.how = how;
        this.note = note;
        this.session = session;
    }

    /** Attended a session: completes the study unless it was completed before. */
    public Optional<StudyCompleted> attended(UUID sessionId, LocalDate on) {
        return complete(on, StudyHow.SESSION, null, sessionId);
    }

    /** Studied later on their own: the note says how, and is required. */
    public Optional<StudyCompleted> studiedLater(LocalDate on, String text) {
        if (Dates.text(text) == null) {
            throw new Refused(CommitmentsRefusal.NOTE_REQUIRED);
        }
        return complete(on, StudyHow.LATER, Dates.text(text), null);
    }

    private Optional<StudyCompleted> complete(LocalDate on, StudyHow way, String text, UUID sessionId) {
        if (status == StudyStatus.LEFT) {
            throw new Refused(CommitmentsRefusal.MEMBER_LEFT, member);
        }
        if (on.isBefore(campaign.opensOn())) {
            throw new Refused(CommitmentsRefusal.DATES_OUT_OF_ORDER, campaign.opensOn(), on);
        }
        if (studiedOn != null) {
            return Optional.empty();
        }
        studiedOn = on;
        how = way;
        note = text;
        session = sessionId;
        return Optional.of(new StudyCompleted(member, organization, campaign.id(), campaign.resolution(),
                campaign.year(), on, way, sessionId));
    }

    public MemberId member() {
        return member;
    }

    public LocalDate studiedOn() {
        return studiedOn;
    }

    public StudyHow how() {
        return how;
    }

    public String note() {
        return note;
    }

    public UUID session() {
        return session;
    }
}
