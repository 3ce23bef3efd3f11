package org.cadre.evaluation.internal.decisions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RoleAssignment;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.PackVersion;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.RulePackRegistry.Level;
import org.springframework.stereotype.Component;

/**
 * What decisions read of the other modules: the cycle's tree as it stood at the year's end (who is directly above
 * whom is read there), an evaluator's scope, and the pinned pack's scales and regulation.
 */
@Component
class DecisionTree {

    private final Organizations organizations;
    private final RulePackRegistry packs;
    // a stored pack version never changes (an edit makes a new version), so its scales are read once
    private final Map<String, Map<String, List<Level>>> scales = new ConcurrentHashMap<>();

    DecisionTree(Organizations organizations, RulePackRegistry packs) {
        this.organizations = organizations;
        this.packs = packs;
    }

    /** The organizations of the cycle's scope at the year's end, by id. */
    record Tree(Map<UUID, OrganizationSummary> organizations) {

        OrganizationSummary organization(UUID id) {
            return organizations.get(id);
        }

        String code(UUID id) {
            OrganizationSummary found = organizations.get(id);
            return found == null ? "" : found.code();
        }
    }

    Tree of(DecisionCycle cycle) {
        Map<UUID, OrganizationSummary> out = new HashMap<>();
        organizations.subtree(new OrganizationId(cycle.scope()), cycle.yearEnd())
                .ifPresent(node -> collect(node, out));
        return new Tree(out);
    }

    /** The ids of an organization's subtree on a date (empty when it is unknown). */
    Set<UUID> subtree(UUID root, LocalDate on) {
        Map<UUID, OrganizationSummary> out = new HashMap<>();
        organizations.subtree(new OrganizationId(root), on).ifPresent(node -> collect(node, out));
        return new HashSet<>(out.keySet());
    }

    /** An organization's name: in the cycle's tree, else as it is recorded (the committee above the scope). */
    String name(Tree tree, UUID id) {
        OrganizationSummary found = tree.organization(id);
        if (found != null) {
            return found.name();
        }
        return organizations.find(new OrganizationId(id)).map(OrganizationSummary::name).orElse(String.valueOf(id));
    }

    /** An organization as it is recorded (for one above the cycle's scope). */
    Optional<OrganizationSummary> find(Tree tree, UUID id) {
        OrganizationSummary found = tree.organization(id);
        return found != null ? Optional.of(found) : organizations.find(new OrganizationId(id));
    }

    List<Level> scale(DecisionCycle cycle, String kind) {
        return scales.computeIfAbsent(cycle.packId() + "@" + cycle.packVersion(),
                key -> Map.copyOf(packs.scales(cycle.packId(), cycle.packVersion()))).getOrDefault(kind, List.of());
    }

    /** The pinned pack version (its regulation and name), when the registry still has it. */
    Optional<PackVersion> pack(DecisionCycle cycle) {
        try {
            return Optional.of(packs.version(cycle.packId(), cycle.packVersion()));
        } catch (Refused gone) {
            return Optional.empty();
        }
    }

    /** The secretary of an organization on a date, by name, when one is recorded. */
    Optional<String> secretary(UUID organization, LocalDate on) {
        return organizations.roles(new OrganizationId(organization), on).stream()
                .filter(r -> r.role() == OrganizationRole.SECRETARY)
                .map(RoleAssignment::memberName).findFirst();
    }

    private static void collect(TreeNode node, Map<UUID, OrganizationSummary> out) {
        out.put(node.organization().id().value(), node.organization());
        node.children().forEach(child -> collect(child, out));
    }
}
