package org.cadre.commitments;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/**
 * Resolutions, study campaigns, study sessions and completion. Who must study comes from organizations' events:
 * the members active when a campaign opens, kept current as members are admitted, exempted, suspended, reinstated,
 * transferred or leave. Changes for someone take the {@link Caller}: a secretary acts in their subtree only.
 */
public interface Study {

    /** Administrators. Refuses a number already used. */
    UUID createResolution(@Valid CreateResolution command);

    List<ResolutionView> resolutions();

    Optional<ResolutionView> resolution(UUID id);

    /** Administrators: opens a campaign and lists the members who must study (active on the opening day). */
    UUID openCampaign(@Valid OpenCampaign command);

    /** Latest year first. */
    List<CampaignView> campaigns();

    /** The campaigns over an organization (opened for it or for one above it), latest first. */
    List<CampaignView> campaigns(OrganizationId organization);

    Optional<CampaignView> campaign(UUID id);

    /** The campaigns a member is listed in, latest first, with their study record and register. */
    List<DutyView> dutiesOf(MemberId member);

    /**
     * Publishes {@link StudySessionHeld} and a {@link StudyCompleted} for each attendee who had not studied yet.
     * Attendees must be listed in the campaign within the organization's subtree.
     */
    UUID holdSession(@Valid HoldSession command, Caller caller);

    /** Publishes {@link StudyCompleted} unless the member had studied already. The note is required. */
    void recordLateStudy(@Valid RecordLateStudy command, Caller caller);

    /** The members listed in a campaign within an organization's subtree, in name order. */
    List<DutyView> duties(UUID campaign, OrganizationId organization);

    /**
     * One page of {@link #duties} (pages of {@code size} from 1; a page past the end is the last one), with the
     * progress of the registers on it and the number listed in the whole subtree: two bounded queries, however
     * large the subtree.
     */
    DutyPage duties(UUID campaign, OrganizationId organization, int page, int size);

    /** Who still has to study: active members of the subtree who have not completed. */
    List<DutyView> stillToStudy(UUID campaign, OrganizationId organization);

    /** Study and register counts of an organization with its subtree; only members who must study are counted. */
    StudyRollup rollup(UUID campaign, OrganizationId organization);

    /** {@link #rollup} for each organization, in one query. */
    List<StudyRollup> rollups(UUID campaign, List<OrganizationId> organizations);
}
