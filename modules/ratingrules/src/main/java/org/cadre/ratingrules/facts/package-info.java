/**
 * The facts contract: the only types a rule pack's DRL may import ({@code import org.cadre.ratingrules.facts.*;}).
 * Contract version {@value org.cadre.ratingrules.facts.FactsContract#VERSION}.
 *
 * <ul>
 *   <li>{@link org.cadre.ratingrules.facts.MemberFacts} and {@link org.cadre.ratingrules.facts.OrganizationFacts}:
 *       what is known of a subject in the evaluation year (inputs; rules read them and never change them);</li>
 *   <li>{@link org.cadre.ratingrules.facts.Parameters}: the pack's parameters, with committee overrides applied;</li>
 *   <li>{@link org.cadre.ratingrules.facts.Proposal}: what rules fill in: the levels a subject qualifies for, the
 *       limits on it, exclusion or a pending state, each with its reason.</li>
 * </ul>
 *
 * Level codes (for example {@code HTTNV}) and criterion level codes are plain strings declared by each pack's
 * {@code pack.yaml}: nothing here names a rating level. See {@code docs/rule-packs.md}.
 */
@org.springframework.modulith.NamedInterface("facts")
package org.cadre.ratingrules.facts;
