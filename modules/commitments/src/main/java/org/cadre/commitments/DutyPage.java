package org.cadre.commitments;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the members listed in a campaign within a subtree, in name order, with the overall progress of the
 * registers on the page and how many are listed in the whole subtree.
 *
 * @param page     1 for the first page
 * @param progress weighted progress (0–100) per register on the page
 * @param total    members listed in the whole subtree
 */
public record DutyPage(List<DutyView> rows, Map<UUID, Integer> progress, int page, int size, int total) {

    public DutyPage {
        rows = List.copyOf(rows);
        progress = Map.copyOf(progress);
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Position of the first row on the page, counted from 1 (0 when the page is empty). */
    public int first() {
        return rows.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    public int last() {
        return rows.isEmpty() ? 0 : first() + rows.size() - 1;
    }
}
