package org.cadre.evaluation.internal.reports;

import java.util.UUID;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.organizations.OrganizationAccess;
import org.cadre.organizations.OrganizationId;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read which report: administrators and evaluation staff every report of every cycle; a secretary the
 * reports of the organizations of their own subtree (a grassroots secretary their organization's, never the
 * bloc's); members and reviewers none. The subtree is the organizations module's answer: the part of the tree
 * {@link OrganizationAccess#changeable} gives a secretary, which is exactly their subtree (its
 * {@code visibility} would add, for a caller who is also a reviewer, the subtrees their coordinating body comments
 * on, which gives no right to a committee's statistics).
 */
@Component
class ReportAccess {

    private final OrganizationAccess access;

    ReportAccess(OrganizationAccess access) {
        this.access = access;
    }

    void require(Caller caller, UUID organization) {
        if (caller.hasAny(Role.ADMIN, Role.EVALUATOR)) {
            return;
        }
        if (caller.has(Role.SECRETARY) && organization != null
                && access.mayChange(caller, new OrganizationId(organization))) {
            return;
        }
        throw new Refused(EvaluationRefusal.OUT_OF_SCOPE);
    }
}
