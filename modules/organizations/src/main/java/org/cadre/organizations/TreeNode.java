package org.cadre.organizations;

import java.util.List;

/**
 * An organization in the tree as of a date, with its members counted in its own rolls and in its whole subtree.
 */
public record TreeNode(OrganizationSummary organization, int members, int membersInSubtree,
        List<TreeNode> children) {
}
