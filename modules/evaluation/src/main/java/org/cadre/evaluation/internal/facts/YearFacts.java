package org.cadre.evaluation.internal.facts;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.organizations.OrganizationKind;
import org.cadre.ratingrules.facts.MemberFacts;
import org.cadre.ratingrules.facts.OrganizationFacts;

/**
 * The facts a classification run gives the rules, for one year, read only from evaluation's own projection (never
 * from another module's tables). A run asks for the tree of its scope, then streams one batch per grassroots
 * organization (its members and its organizations), then the organizations above the grassroots level: memory
 * follows the largest grassroots organization, not the size of the scope.
 */
public interface YearFacts {

    /**
     * The organizations of the scope (the scope itself and everything under it) that existed at some time in the
     * year, as of the year's end: parent, kind and the grassroots organization each belongs to.
     */
    List<OrganizationNode> tree(int year, UUID scope);

    /**
     * One batch per grassroots organization of the scope, in a stable order (by code): the members on the rolls of
     * its chapters during the year who are to be rated (their facts as of the year's end), and the facts of the
     * grassroots organization and every organization under it. {@code memberCount} and {@code subOrganizationCount}
     * of each organization are set to what the batch holds of them.
     */
    void forEachGrassroots(int year, UUID scope, Consumer<GrassrootsBatch> batch);

    /**
     * The same batches in the same order, a few grassroots organizations at a time, as they were read together: a
     * reader that adds more to them (a run's inputs) reads it for the few in one round as well.
     */
    void forEachChunk(int year, UUID scope, Consumer<List<GrassrootsBatch>> chunk);

    /** The facts of the organizations of the scope above the grassroots level (the bloc committee), bottom-up. */
    List<OrganizationFacts> aboveGrassroots(int year, UUID scope);

    /** An organization of the year's tree. {@code grassroots} is null above the grassroots level. */
    record OrganizationNode(UUID id, UUID parent, String code, String name, OrganizationKind kind, UUID grassroots) {
    }

    /** A grassroots organization's members and organizations, rated together. */
    record GrassrootsBatch(OrganizationNode grassroots, List<MemberFacts> members,
            List<OrganizationFacts> organizations) {

        public GrassrootsBatch {
            members = List.copyOf(members);
            organizations = List.copyOf(organizations);
        }
    }
}
