package org.cadre.supervision;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * Inspections and supervisions (kiểm tra, giám sát): opened for an organization or a member, findings with the
 * remedies they require, the conclusion, and the remedies' resolution.
 */
public interface Inspections {

    /** Publishes {@link SupervisionOpened}. Refuses an opening date after today, a period out of order. */
    UUID open(@Valid OpenInspection command, Caller caller);

    /**
     * Publishes {@link FindingRecorded}. Refuses a date after today or before the opening, a remedy for a strength,
     * a remedy without its deadline (or the reverse), a concluded inspection.
     */
    UUID recordFinding(UUID inspection, @Valid RecordFinding command, Caller caller);

    void conclude(UUID inspection, @Valid ConcludeInspection command, Caller caller);

    /**
     * Publishes {@link FindingResolved}. Refuses a finding that required no remedy, one already resolved, a date
     * before the remedy was required or after today.
     */
    void resolve(UUID finding, @Valid ResolveFinding command, Caller caller);

    Optional<InspectionView> find(UUID inspection, Caller caller);

    /** The inspections of an organization's subtree, latest first. */
    List<InspectionView> within(OrganizationId organization, Caller caller);

    /** Open findings (a remedy required, not resolved) within an organization's subtree, earliest deadline first. */
    List<FindingView> openFindings(OrganizationId organization, Caller caller);

    /** What evaluation reads of a member for a year. */
    FindingCounts memberYear(MemberId member, int year);

    /** What evaluation reads of an organization (its own findings, not its members') for a year. */
    FindingCounts organizationYear(OrganizationId organization, int year);
}
