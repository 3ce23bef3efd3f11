package org.cadre.commitments;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;

/**
 * Writes a year of study, registers and programmes in batches (demo data) instead of one change and one event per
 * row. One call is one transaction; it publishes a single {@link CommitmentsBulkLoaded}. The rows are trusted: the
 * items' rules are checked, the signatures' roles are not (the roles of past years may not be recorded).
 */
public interface CommitmentsBulkLoad {

    CommitmentsBulkLoaded load(Consumer<Sink> writer);

    /** Whether the module holds no resolution at all. */
    boolean empty();

    /** Where bulk rows go: resolutions and campaigns before what refers to them. */
    interface Sink {

        void resolution(UUID id, CreateResolution resolution);

        void campaign(UUID id, UUID resolution, OrganizationId organization, LocalDate opensOn, LocalDate studyBy);

        void duty(UUID campaign, MemberId member, String fullName, String cardNumber, OrganizationId organization,
                StudyStatus status, LocalDate studiedOn, StudyHow how, String note);

        void session(UUID id, UUID campaign, OrganizationId organization, LocalDate heldOn, String topic,
                int attendees);

        /** A register with its items as they stand (progress, assessment). */
        void register(RegisterView register);

        void programme(ProgrammeView programme);

        void review(ReviewView review);
    }
}
