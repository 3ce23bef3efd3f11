package org.cadre.organizations;

import java.util.List;

/**
 * One page of members: of a search, best matches first, or of an organization's rolls, in Vietnamese order.
 *
 * @param total every member found, on all pages
 * @param page  this page's number, from 1
 */
public record MemberSearch(List<MemberSummary> members, int total, int page, int size) {

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** The rank of the first member of this page, from 1. */
    public int first() {
        return members.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    public int last() {
        return first() + members.size() - 1;
    }
}
