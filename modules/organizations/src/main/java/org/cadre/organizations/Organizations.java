package org.cadre.organizations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organizations module's facade for the tree, roles and coordinating bodies: the only way other modules and
 * the web layer reach them. Every change publishes its event in the same transaction.
 */
public interface Organizations {

    /**
     * Registers an organization and publishes {@link OrganizationRegistered} in the same transaction.
     *
     * @throws OrganizationRejected when the code is taken or the parent does not exist or is dissolved
     */
    OrganizationId register(RegisterOrganization command);

    Optional<OrganizationSummary> find(OrganizationId id);

    Optional<OrganizationSummary> findByCode(String code);

    /** All organizations, in code order. */
    List<OrganizationSummary> list();

    /**
     * The tree as it was on a date, with member counts.
     *
     * @param roots the subtrees to show, or empty for the whole tree
     */
    List<TreeNode> tree(LocalDate asOf, Collection<OrganizationId> roots);

    /** Places the organization under another parent; publishes {@link OrganizationMoved}. Refuses a cycle. */
    void move(OrganizationId id, MoveOrganization command);

    /** A new name from a date; publishes {@link OrganizationRenamed}. */
    void rename(OrganizationId id, RenameOrganization command);

    /** Places the organization in an agency with its head; publishes {@link AgencyAssigned}. */
    void setAgency(OrganizationId id, SetAgency command);

    /** Publishes {@link OrganizationDissolved}. Refuses while members or live sub-organizations remain. */
    void dissolve(OrganizationId id, DatedChange command);

    /** Whether {@code candidate} is one of the roots or below one of them (a recursive walk up the tree). */
    boolean within(Collection<OrganizationId> roots, OrganizationId candidate);

    /** The roles in an organization that were held on a date (all roles, past and present, when null). */
    List<RoleAssignment> roles(OrganizationId id, LocalDate asOf);

    /** Publishes {@link RoleAssigned}. */
    UUID assignRole(OrganizationId id, AssignRole command);

    /** Publishes {@link RoleEnded}. The assignment must belong to the organization. */
    void endRole(OrganizationId id, UUID assignment, DatedChange command);

    /** The history of an organization's parent and name. */
    List<HistoryEntry> history(OrganizationId id);

    List<CoordinatingBody> coordinatingBodies();

    /** Adds a coordinating body that may comment on the given organizations (and their subtrees). */
    UUID addCoordinatingBody(String code, String name, Collection<OrganizationId> mayCommentOn);

    /** The organizations whose subtrees a coordinating body may comment on. */
    List<OrganizationId> mayCommentOn(UUID body);

    /** The top of the tree (the bloc committee), if there is one. */
    Optional<OrganizationSummary> bloc();

    /** Counts below the bloc committee (or over everything when there is none), today. */
    BlocCounts counts();
}
