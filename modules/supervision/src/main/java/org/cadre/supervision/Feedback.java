package org.cadre.supervision;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;

/** Comments of coordinating bodies: requested by a committee for a year, given by the bodies' reviewers. */
public interface Feedback {

    /** One request per body; the committee's secretary or an administrator. */
    List<UUID> request(@Valid RequestFeedback command, Caller caller);

    /**
     * Publishes {@link FeedbackReceived}. Refuses a caller who speaks for no body, a subject outside the body's
     * remit ({@link org.cadre.organizations.Organizations#mayCommentOn}), a request sent to another body.
     */
    UUID comment(@Valid GiveFeedback command, Caller caller);

    /** The requests of an organization's subtree for a year and who answered. */
    List<FeedbackRequestView> requests(OrganizationId organization, int year, Caller caller);

    /** The comments on an organization's subtree for a year. */
    List<CommentView> comments(OrganizationId organization, int year, Caller caller);

    /** The reviewer's start page. */
    ReviewerDesk desk(Caller caller);

    /** Comments on a member for a year, by stance (every stance present, 0 when none). */
    Map<Stance, Integer> memberYear(MemberId member, int year);

    /** Comments on an organization itself for a year, by stance. */
    Map<Stance, Integer> organizationYear(OrganizationId organization, int year);
}
