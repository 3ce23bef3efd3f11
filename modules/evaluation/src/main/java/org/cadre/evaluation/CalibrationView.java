package org.cadre.evaluation;

import java.util.List;

/**
 * A quota case of a cycle's current run: more subjects of a group proposed for a level than the quota allows. Nobody
 * was demoted: the competent level chooses who keeps the level.
 *
 * @param groupName  the grassroots organization (or parent) the quota counts in, by name where it is one
 * @param candidates the subjects proposed for the level, by name
 */
public record CalibrationView(String quotaId, String groupName, String level, String levelLabel, String demoteTo,
        int baseCount, int allowed, int proposed, int excess, List<String> candidates, String article) {

    public CalibrationView {
        candidates = List.copyOf(candidates);
    }
}
