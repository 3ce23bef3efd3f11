package org.cadre.commitments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.organizations.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organizations below one, and the ones above it, as the organizations facade answers them: commitments keeps
 * data per organization and asks, never works out the tree itself.
 */
@Component
class Subtrees {

    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;

    Subtrees(Organizations organizations, JdbcClient jdbc, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organization and everything below it today, as ids for an {@code = ANY(:ids)} query. */
    UUID[] ids(OrganizationId root) {
        return below(root).stream().map(OrganizationId::value).toArray(UUID[]::new);
    }

    /**
     * The organization and everything below it today, and the organizations dissolved since under one of them
     * that duties or registers were recorded under: a 2017 roll-up still counts the members of a chapter dissolved
     * in 2025.
     */
    Set<OrganizationId> below(OrganizationId root) {
        Set<OrganizationId> out = new HashSet<>();
        organizations.subtree(root, LocalDate.now(clock)).ifPresent(node -> collect(node, out));
        out.add(root);
        addDissolved(out, dissolvedUnder());
        return out;
    }

    /**
     * Each dissolved organization that a duty or a register was recorded under, with the organization it was under
     * that still exists (its nearest live ancestor, by the parent it had when dissolved). Empty, without a query of
     * this module's tables, while nothing is dissolved.
     */
    private Map<OrganizationId, OrganizationId> dissolvedUnder() {
        Map<OrganizationId, OrganizationSummary> all = new HashMap<>();
        organizations.list().forEach(o -> all.put(o.id(), o));
        if (all.values().stream().noneMatch(OrganizationSummary::dissolved)) {
            return Map.of();
        }
        Map<OrganizationId, OrganizationId> out = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT organization_id FROM commitments.duty
                UNION SELECT DISTINCT organization_id FROM commitments.register
                """).query(UUID.class).list().forEach(id -> {
            OrganizationSummary recorded = all.get(new OrganizationId(id));
            if (recorded == null || !recorded.dissolved()) {
                return;
            }
            OrganizationSummary at = recorded;
            Set<OrganizationId> seen = new HashSet<>();
            while (at != null && at.dissolved() && seen.add(at.id())) {
                at = at.parentId() == null ? null : all.get(at.parentId());
            }
            if (at != null && !at.dissolved()) {
                out.put(recorded.id(), at.id());
            }
        });
        return out;
    }

    private static void addDissolved(Set<OrganizationId> subtree, Map<OrganizationId, OrganizationId> dissolved) {
        dissolved.forEach((gone, liveParent) -> {
            if (subtree.contains(liveParent)) {
                subtree.add(gone);
            }
        });
    }

    /** A root's name and the organizations of its subtree. */
    record Branch(String name, Set<OrganizationId> organizations) {
    }

    /** The subtree of each root (with what was dissolved under it, as {@link #below}), from one read of the tree. */
    Map<OrganizationId, Branch> branches(List<OrganizationId> roots) {
        Map<OrganizationId, TreeNode> index = new HashMap<>();
        organizations.tree(LocalDate.now(clock), Visibility.everything()).forEach(node -> index(node, index));
        Map<OrganizationId, OrganizationId> dissolved = dissolvedUnder();
        Map<OrganizationId, Branch> out = new LinkedHashMap<>();
        for (OrganizationId root : roots) {
            Set<OrganizationId> below = new HashSet<>();
            below.add(root);
            TreeNode node = index.get(root);
            if (node != null) {
                collect(node, below);
            }
            addDissolved(below, dissolved);
            out.put(root, new Branch(node != null ? node.organization().name()
                    : organizations.find(root).map(OrganizationSummary::name).orElse(root.toString()), below));
        }
        return out;
    }

    private static void index(TreeNode node, Map<OrganizationId, TreeNode> index) {
        index.put(node.organization().id(), node);
        node.children().forEach(child -> index(child, index));
    }

    /** The organization and those above it, nearest first. */
    List<OrganizationId> upwards(OrganizationId organization) {
        List<OrganizationId> out = new ArrayList<>();
        OrganizationId at = organization;
        while (at != null && !out.contains(at)) {
            out.add(at);
            at = organizations.find(at).map(OrganizationSummary::parentId).orElse(null);
        }
        return out;
    }

    Optional<OrganizationSummary> find(OrganizationId id) {
        return organizations.find(id);
    }

    private static void collect(TreeNode node, Set<OrganizationId> out) {
        out.add(node.organization().id());
        node.children().forEach(child -> collect(child, out));
    }
}
