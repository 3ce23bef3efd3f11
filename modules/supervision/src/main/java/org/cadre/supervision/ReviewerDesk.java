package org.cadre.supervision;

import java.util.List;
import org.cadre.organizations.CoordinatingBody;
import org.cadre.organizations.OrganizationSummary;

/** What a reviewer finds on signing in: their body, its remit, the requests to answer and what they answered. */
public record ReviewerDesk(CoordinatingBody body, List<OrganizationSummary> remit, List<FeedbackRequestView> open,
        List<CommentView> given) {
}
