package org.cadre.organizations;

/** How big the tree is today: grassroots organizations, chapters (of both kinds) and members on the rolls. */
public record BlocCounts(int organizations, int grassroots, int chapters, int members) {
}
