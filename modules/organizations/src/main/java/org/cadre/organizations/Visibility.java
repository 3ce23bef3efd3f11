package org.cadre.organizations;

import java.util.Collection;
import java.util.Set;

/**
 * What part of the tree a caller may see: everything, nothing, or the subtrees under some roots. The queries of
 * the organizations facade take it, so no controller filters by itself. Obtained from {@link OrganizationAccess}.
 */
public final class Visibility {

    private static final Visibility EVERYTHING = new Visibility(true, Set.of());
    private static final Visibility NOTHING = new Visibility(false, Set.of());

    private final boolean everything;
    private final Set<OrganizationId> roots;

    private Visibility(boolean everything, Set<OrganizationId> roots) {
        this.everything = everything;
        this.roots = roots;
    }

    public static Visibility everything() {
        return EVERYTHING;
    }

    /** The subtrees under these roots; nothing when there are none. */
    public static Visibility within(Collection<OrganizationId> roots) {
        return roots.isEmpty() ? NOTHING : new Visibility(false, Set.copyOf(roots));
    }

    public boolean isEverything() {
        return everything;
    }

    public boolean isNothing() {
        return !everything && roots.isEmpty();
    }

    /** The roots of the visible subtrees; empty for everything and for nothing. */
    public Set<OrganizationId> roots() {
        return roots;
    }

    @Override
    public String toString() {
        return everything ? "everything" : roots.isEmpty() ? "nothing" : "within " + roots;
    }
}
