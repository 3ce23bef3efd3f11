package org.cadre.evaluation;

import java.util.Optional;
import org.cadre.organizations.OrganizationId;

/** The evaluation module's facade. Yearly cycles and classification runs arrive with the evaluation issue. */
public interface Evaluation {

    /** The organization as this module's projection knows it, once the registration event has reached it. */
    Optional<EvaluatedOrganization> organization(OrganizationId id);

    /** The member as this module's projection knows them. */
    Optional<EvaluatedMember> member(org.cadre.organizations.MemberId id);

    /** The roles this module's projection holds for a member, current and past, as {@code ROLE:organization}. */
    java.util.List<String> roles(org.cadre.organizations.MemberId id);
}
