package org.cadre.organizations;

/**
 * Kinds of party organization in a bloc (glossary, {@code ../shared/domain/regulations.md}), with the rules of the
 * tree they carry: which kinds hold members on their rolls, which may have organizations under them and under which
 * kind each may sit. The domain enforces them for the pages, the API and the import alike. Labels for users come
 * from the message bundle key {@code organization.kind.<NAME>}.
 */
public enum OrganizationKind {
    /** Đảng ủy Khối: the bloc committee at the top of the tree. */
    BLOC_COMMITTEE,
    /** Đảng bộ cơ sở: a grassroots committee with chapters of its own. */
    GRASSROOTS_COMMITTEE,
    /** Chi bộ cơ sở: a grassroots organization that is a single chapter. */
    GRASSROOTS_CHAPTER,
    /** Đảng bộ bộ phận: a sub-unit committee inside a grassroots committee. */
    SUB_COMMITTEE,
    /** Chi bộ trực thuộc: a chapter under a grassroots or sub-unit committee. */
    CHAPTER;

    /** Members are recorded in chapters (chi bộ), the party cell a member works in: committees hold none. */
    public boolean holdsMembers() {
        return this == CHAPTER || this == GRASSROOTS_CHAPTER;
    }

    /** Whether organizations may sit under this one. */
    public boolean mayHaveChildren() {
        return this == BLOC_COMMITTEE || this == GRASSROOTS_COMMITTEE || this == SUB_COMMITTEE;
    }

    /** The grassroots level (cơ sở): the level quotas and the action programme are counted at. */
    public boolean isGrassroots() {
        return this == GRASSROOTS_COMMITTEE || this == GRASSROOTS_CHAPTER;
    }

    /**
     * Whether an organization of this kind may sit under a parent of the given kind, or at the top of the tree
     * ({@code parent} null): the bloc committee only at the top; grassroots organizations under the bloc (or at the
     * top where the bloc is not recorded); a sub-unit committee under a grassroots committee; a chapter under a
     * grassroots or sub-unit committee.
     */
    public boolean mayBeUnder(OrganizationKind parent) {
        if (parent != null && !parent.mayHaveChildren()) {
            return false;
        }
        return switch (this) {
            case BLOC_COMMITTEE -> parent == null;
            case GRASSROOTS_COMMITTEE, GRASSROOTS_CHAPTER -> parent == null || parent == BLOC_COMMITTEE;
            case SUB_COMMITTEE -> parent == GRASSROOTS_COMMITTEE;
            case CHAPTER -> parent == GRASSROOTS_COMMITTEE || parent == SUB_COMMITTEE;
        };
    }
}
