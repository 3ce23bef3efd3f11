package org.cadre.organizations;

/** What a spreadsheet imports: organizations (the tree) or members. */
public enum ImportKind {
    ORGANIZATIONS,
    MEMBERS
}
