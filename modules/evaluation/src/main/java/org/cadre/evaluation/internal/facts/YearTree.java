package org.cadre.evaluation.internal.facts;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cadre.evaluation.internal.facts.YearFacts.OrganizationNode;
import org.cadre.organizations.OrganizationKind;

/**
 * The organizations that existed at some time in a year (registered by its end, not dissolved before it began),
 * each under its parent as of the year's end (or its dissolution), with the grassroots organization it is or
 * belongs to. A few hundred nodes: held whole, unlike the members.
 */
final class YearTree {

    /** A node and what the facts need of it beyond {@link OrganizationNode}. */
    record Node(OrganizationNode node, LocalDate establishedOn, List<UUID> children) {

        UUID id() {
            return node.id();
        }
    }

    private final Map<UUID, Node> nodes;

    private YearTree(Map<UUID, Node> nodes) {
        this.nodes = nodes;
    }

    /** Rows in code order: id, parent (as of the year's end), code, name, kind, established. */
    static YearTree of(List<Object[]> rows) {
        Map<UUID, Object[]> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put((UUID) r[0], r));
        Map<UUID, UUID> grassroots = new HashMap<>();
        Map<UUID, Node> nodes = new LinkedHashMap<>();
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Object[] r : rows) {
            UUID parent = byId.containsKey((UUID) r[1]) ? (UUID) r[1] : null;
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add((UUID) r[0]);
            }
        }
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            UUID parent = byId.containsKey((UUID) r[1]) ? (UUID) r[1] : null;
            OrganizationKind kind = OrganizationKind.valueOf((String) r[4]);
            nodes.put(id, new Node(new OrganizationNode(id, parent, (String) r[2], (String) r[3], kind,
                    grassrootsOf(id, byId, grassroots)), (LocalDate) r[5],
                    List.copyOf(children.getOrDefault(id, List.of()))));
        }
        return new YearTree(nodes);
    }

    private static UUID grassrootsOf(UUID id, Map<UUID, Object[]> byId, Map<UUID, UUID> known) {
        if (known.containsKey(id)) {
            return known.get(id);
        }
        UUID found = null;
        UUID at = id;
        int depth = 0;
        while (at != null && byId.containsKey(at) && depth++ < 64) {
            if (OrganizationKind.valueOf((String) byId.get(at)[4]).isGrassroots()) {
                found = at;
                break;
            }
            UUID parent = (UUID) byId.get(at)[1];
            at = parent;
        }
        known.put(id, found);
        return found;
    }

    Node get(UUID id) {
        return nodes.get(id);
    }

    /** The organization and everything under it, parents before children, in code order among siblings. */
    List<Node> subtree(UUID root) {
        List<Node> out = new ArrayList<>();
        Node start = nodes.get(root);
        if (start == null) {
            return out;
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            List<Node> kids = n.children().stream().map(nodes::get)
                    .sorted(Comparator.comparing((Node k) -> k.node().code()).reversed()).toList();
            kids.forEach(stack::push);
        }
        return out;
    }

    /** Depth below the top of the year's tree (0 at a root). */
    int depth(UUID id) {
        int depth = 0;
        UUID at = nodes.get(id).node().parent();
        while (at != null && depth < 64) {
            depth++;
            at = nodes.get(at).node().parent();
        }
        return depth;
    }
}
