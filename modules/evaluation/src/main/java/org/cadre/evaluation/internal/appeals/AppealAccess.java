package org.cadre.evaluation.internal.appeals;

import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.OrganizationTree;
import org.cadre.evaluation.internal.appeals.AppealStore.Stored;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.cadre.ratingrules.facts.Proposal;
import org.springframework.stereotype.Component;

/**
 * Who may do what with appeals. A member appeals their own level; an organization's appeal is filed by the secretary
 * whose scope is that organization, or by evaluation staff on its behalf. The competent level of the decision
 * re-examines and decides: an administrator; evaluation staff whose scope (none: the whole bloc) holds it; the
 * secretary whose scope is it. Reviewers never.
 */
@Component
class AppealAccess {

    private final OrganizationTree tree;
    private final OrganizationAccess organizations;

    AppealAccess(OrganizationTree tree, OrganizationAccess organizations) {
        this.tree = tree;
        this.organizations = organizations;
    }

    record Subject(UUID id, Proposal.Subject kind) {
    }

    /** Whose appeal this is: the caller's own (the id from the caller) unless an organization is named. */
    Subject subjectToFile(UUID named, Caller caller) {
        Optional<UUID> me = caller.member();
        if (named == null || me.filter(named::equals).isPresent()) {
            return new Subject(me.orElseThrow(() -> new Refused(EvaluationRefusal.NOT_ALLOWED)),
                    Proposal.Subject.MEMBER);
        }
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            return new Subject(named, Proposal.Subject.ORGANIZATION);
        }
        if (caller.has(Role.SECRETARY)) {
            if (caller.organizationScope().filter(named::equals).isEmpty()) {
                throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
            }
            return new Subject(named, Proposal.Subject.ORGANIZATION);
        }
        // a member naming anyone but themselves: never another member's rating
        throw new Refused(EvaluationRefusal.NOT_ALLOWED);
    }

    boolean competent(Caller caller, UUID competent) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        Optional<UUID> scope = caller.organizationScope();
        if (caller.has(Role.EVALUATOR) && (scope.isEmpty() || tree.within(competent, scope.get()))) {
            return true;
        }
        return caller.has(Role.SECRETARY) && scope.filter(competent::equals).isPresent();
    }

    void requireCompetent(Caller caller, UUID competent) {
        if (!caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY)) {
            throw new Refused(EvaluationRefusal.NOT_ALLOWED);
        }
        if (!competent(caller, competent)) {
            throw new Refused(EvaluationRefusal.NOT_COMPETENT);
        }
    }

    /**
     * Evaluation staff read every appeal; the competent level those it decides; a member their own; a secretary
     * those of their organization's subtree.
     */
    boolean mayRead(Caller caller, Stored stored) {
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR) || competent(caller, stored.competent())) {
            return true;
        }
        UUID subject = stored.appeal().subject();
        if (stored.appeal().subjectKind() == Proposal.Subject.MEMBER
                && caller.member().filter(subject::equals).isPresent()) {
            return true;
        }
        Optional<UUID> scope = caller.organizationScope();
        if (scope.isEmpty()) {
            return false;
        }
        return stored.appeal().subjectKind() == Proposal.Subject.MEMBER
                ? organizations.maySee(caller, new MemberId(subject))
                : tree.within(subject, scope.get());
    }
}
