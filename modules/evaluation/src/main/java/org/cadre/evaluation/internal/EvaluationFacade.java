package org.cadre.evaluation.internal;

import java.util.List;
import java.util.Optional;
import org.cadre.evaluation.EvaluatedMember;
import org.cadre.evaluation.EvaluatedOrganization;
import org.cadre.evaluation.Evaluation;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationId;
import org.springframework.stereotype.Service;

/** The evaluation facade over its projections. */
@Service
class EvaluationFacade implements Evaluation {

    private final OrganizationProjection organizations;
    private final MemberProjection members;

    EvaluationFacade(OrganizationProjection organizations, MemberProjection members) {
        this.organizations = organizations;
        this.members = members;
    }

    @Override
    public Optional<EvaluatedOrganization> organization(OrganizationId id) {
        return organizations.organization(id);
    }

    @Override
    public Optional<EvaluatedMember> member(MemberId id) {
        return members.member(id);
    }

    @Override
    public List<String> roles(MemberId id) {
        return members.roles(id);
    }
}
