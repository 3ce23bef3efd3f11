package org.cadre.evaluation.internal.decisions;

import java.util.Set;
import java.util.UUID;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Who is of the competent level (QĐ 132: the level that manages those decided, at most one level above): an
 * administrator for every list; evaluation staff for the competent organizations in their scope (no scope: the whole
 * bloc; the caller carries a scope only with the secretary's role); a secretary only for their own organization.
 * Members and reviewers never.
 */
@Component
class Competences {

    private final DecisionTree trees;

    Competences(DecisionTree trees) {
        this.trees = trees;
    }

    Competence of(Caller caller, DecisionCycle cycle) {
        if (caller.has(Role.ADMIN) || (caller.has(Role.EVALUATOR) && caller.organizationScope().isEmpty())) {
            return competent -> true;
        }
        if (caller.has(Role.EVALUATOR)) {
            // the scope as the tree stood at the year's end, like every other question of the cycle's tree
            Set<UUID> scope = trees.subtree(caller.organizationScope().get(), cycle.yearEnd());
            return scope::contains;
        }
        if (caller.has(Role.SECRETARY) && caller.organizationScope().isPresent()) {
            UUID own = caller.organizationScope().get();
            return own::equals;
        }
        return competent -> false;
    }
}
