package org.cadre.evaluation;

/**
 * What the chapter writes about a member: its comment (at most 4000 characters), the level it proposes (a code of the
 * cycle's pinned member scale) and the reason, required when that level is not the engine's proposal (at most 2000).
 */
public record ReviewForm(String comment, String level, String reason) {
}
