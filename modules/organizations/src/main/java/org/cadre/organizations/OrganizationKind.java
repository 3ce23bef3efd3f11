package org.cadre.organizations;

/**
 * Kinds of party organization in a bloc (glossary, {@code ../shared/domain/regulations.md}).
 * Labels for users come from the message bundle key {@code organization.kind.<NAME>}.
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
    CHAPTER
}
