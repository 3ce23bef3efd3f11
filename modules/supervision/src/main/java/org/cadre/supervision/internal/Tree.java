package org.cadre.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.TreeNode;
import org.cadre.platform.Refused;
import org.cadre.supervision.SupervisionRefusal;
import org.springframework.stereotype.Component;

/** The organizations below one as the organizations facade answers them: supervision never works out the tree. */
@Component
class Tree {

    private final Organizations organizations;
    private final Clock clock;

    Tree(Organizations organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    OrganizationSummary require(OrganizationId id) {
        return organizations.find(id).orElseThrow(() -> new Refused(SupervisionRefusal.ORGANIZATION_UNKNOWN, id));
    }

    /** The organization and everything below it today, as ids for an {@code = ANY(:ids)} query. */
    UUID[] ids(OrganizationId root) {
        Set<UUID> out = new HashSet<>();
        out.add(root.value());
        organizations.subtree(root, LocalDate.now(clock)).ifPresent(node -> collect(node, out));
        return out.toArray(UUID[]::new);
    }

    private static void collect(TreeNode node, Set<UUID> out) {
        out.add(node.organization().id().value());
        node.children().forEach(child -> collect(child, out));
    }
}
