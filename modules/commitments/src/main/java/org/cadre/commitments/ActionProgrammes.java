package org.cadre.commitments;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.EditVersion;

/**
 * Action programmes of grassroots organizations and the regulation-review log of their agencies. A programme is
 * adopted only with two signatures of two different people, checked against organizations' roles on the day: the
 * organization's secretary and the agency's head.
 */
public interface ActionProgrammes {

    /** For a grassroots organization; one per resolution and year. */
    UUID create(@Valid CreateProgramme command, Caller caller);

    void addTask(UUID programme, @Valid ProgrammeTask task, Caller caller);

    void progress(UUID programme, UUID task, ProgrammeItemStatus status, Caller caller);

    /**
     * As {@link #progress}, from a row loaded at {@code loaded} ({@link CommitmentEdits#programmeTask}): refused
     * as {@code edit-conflict}, nothing written, when someone set the task's status since; null is unconditional.
     */
    void progress(UUID programme, UUID task, ProgrammeItemStatus status, EditVersion loaded, Caller caller);

    /** Publishes {@link ActionProgramAdopted}. */
    void adopt(UUID programme, @Valid AdoptProgramme command, Caller caller);

    /** Publishes {@link RegulationReviewed}. */
    UUID recordReview(@Valid RecordReview command, Caller caller);

    Optional<ProgrammeView> find(UUID programme);

    /** An organization's programmes, latest year first. */
    List<ProgrammeView> of(OrganizationId organization);

    /** An organization's review log for a year, latest first. */
    List<ReviewView> reviews(OrganizationId organization, int year);

    /** What evaluation reads of an organization (with its subtree) for a year, for a rebuild. */
    OrganizationYearFacts organizationYear(OrganizationId organization, int year);
}
