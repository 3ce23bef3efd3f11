package org.cadre.evaluation.internal.decisions;

import java.util.UUID;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.stereotype.Component;

/**
 * How many lists of a cycle wait for the caller's signature, for the home page (its busiest page): one query for the
 * lists of the current run as they stand, the cycle's tree for the regulation's default competent level, and never
 * a draft opened or refreshed, so a list nobody opened yet counts the same as a draft.
 */
@Component
class ListsToSign {

    private final DecisionStore store;
    private final DecisionTree trees;
    private final Competences competences;

    ListsToSign(DecisionStore store, DecisionTree trees, Competences competences) {
        this.store = store;
        this.trees = trees;
        this.competences = competences;
    }

    int count(DecisionCycle cycle, Caller caller) {
        if (!cycle.open() || cycle.currentRun() == null
                || !caller.hasAny(Role.ADMIN, Role.EVALUATOR, Role.SECRETARY)) {
            return 0;
        }
        Competence competence = competences.of(caller, cycle);
        DecisionTree.Tree tree = trees.of(cycle);
        int count = 0;
        for (DecisionStore.ListState list : store.lists(cycle.id(), cycle.currentRun())) {
            OrganizationSummary organization = tree.organization(list.organization());
            // as DecisionService opens them: an organization missing from the cycle's tree has no list
            if (organization == null || list.signed()) {
                continue;
            }
            UUID competent = list.competent() != null ? list.competent()
                    : DecisionService.defaultCompetent(organization, list.kind());
            if (competence.covers(competent)) {
                count++;
            }
        }
        return count;
    }
}
