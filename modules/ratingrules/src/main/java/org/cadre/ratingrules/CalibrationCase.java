package org.cadre.ratingrules;

import java.util.List;

/**
 * More subjects of a group hold a level than a quota allows. Never resolved silently: a person decides which of
 * {@code subjects} fall to {@code demoteTo}, and records why.
 *
 * @param group    the quota group (a grassroots organization id, a parent id or a peer group)
 * @param allowed  how many may hold {@code level}: floor(share x base count)
 * @param proposed how many the rules proposed
 * @param excess   proposed - allowed
 */
public record CalibrationCase(String quotaId, String group, String level, String demoteTo, int baseCount,
        int allowed, int proposed, int excess, List<String> subjects, String article) {

    public CalibrationCase {
        subjects = List.copyOf(subjects);
    }
}
