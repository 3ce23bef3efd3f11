package org.cadre.evaluation.internal.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cadre.ratingrules.RulePackRegistry.Level;

/** The level columns of a table that shows members and organizations side by side: both scales' levels, once. */
public final class Columns {

    private Columns() {
    }

    /** The members' levels, then any level only the organizations' scale has. */
    public static List<Level> statutory(Report report) {
        return union(report.memberScale(), report.organizationScale());
    }

    static List<Level> union(List<Level> first, List<Level> second) {
        List<Level> levels = new ArrayList<>(first);
        Set<String> known = new HashSet<>();
        first.forEach(l -> known.add(l.code()));
        second.stream().filter(l -> known.add(l.code())).forEach(levels::add);
        return levels;
    }
}
