package org.cadre.evaluation;

import java.util.List;
import java.util.UUID;

/**
 * A quota case of a cycle's current run: more subjects of a group proposed for a level than the quota allows. Nobody
 * was demoted: the competent level chooses who keeps the level.
 *
 * @param groupName  the grassroots organization (or parent) the quota counts in, by name where it is one
 * @param candidates the subjects proposed for the level, by name
 * @param holding    how many hold the level in the group now (differs from {@code proposed} once the level above was
 *                   decided)
 */
public record CalibrationView(UUID caseId, String quotaId, String group, String groupName, String level,
        String levelLabel, String demoteTo, int baseCount, int allowed, int proposed, int excess, int holding,
        List<String> candidates, String article, CalibrationStatus status) {

    public CalibrationView {
        candidates = List.copyOf(candidates);
    }

    public boolean decided() {
        return status == CalibrationStatus.DECIDED;
    }
}
