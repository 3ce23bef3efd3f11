package org.cadre.organizations;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organizations module's facade for the tree, roles and coordinating bodies: the only way other modules and
 * the web layer reach them. Every change publishes its event in the same transaction; a refused change is a
 * {@link org.cadre.platform.Refused} with an {@link OrganizationRefusal} and writes nothing. Commands are checked
 * against their constraints ({@code jakarta.validation}) before anything else.
 */
public interface Organizations {

    /**
     * Registers an organization and publishes {@link OrganizationRegistered} in the same transaction. Refuses a
     * taken code, an unknown or dissolved parent, and a kind that may not sit under the parent.
     */
    OrganizationId register(@Valid RegisterOrganization command);

    Optional<OrganizationSummary> find(OrganizationId id);

    Optional<OrganizationSummary> findByCode(String code);

    /** All organizations, in code order. */
    List<OrganizationSummary> list();

    /** The organizations a caller may see ({@link OrganizationAccess#visibility}), in code order. */
    List<OrganizationSummary> list(Visibility visibility);

    /** The tree as it was on a date, with member counts, limited to what is visible. */
    List<TreeNode> tree(LocalDate asOf, Visibility visibility);

    /** The subtree of one organization as it was on a date (the organization itself with what is below it). */
    Optional<TreeNode> subtree(OrganizationId id, LocalDate asOf);

    /** Places the organization under another parent; publishes {@link OrganizationMoved}. Refuses a cycle. */
    void move(OrganizationId id, @Valid MoveOrganization command);

    /** A new name from a date; publishes {@link OrganizationRenamed}. */
    void rename(OrganizationId id, @Valid RenameOrganization command);

    /** A rename as the form loaded the details: an edit conflict when changed since ({@link OrganizationEdits}). */
    void rename(OrganizationId id, @Valid RenameOrganization command, org.cadre.platform.EditVersion loaded);

    /** Places the organization in an agency with its head; publishes {@link AgencyAssigned}. */
    void setAgency(OrganizationId id, @Valid SetAgency command);

    /** The agency as the form loaded it: an edit conflict when changed since ({@link OrganizationEdits#details}). */
    void setAgency(OrganizationId id, @Valid SetAgency command, org.cadre.platform.EditVersion loaded);

    /**
     * Publishes {@link OrganizationDissolved}, and a {@link RoleEnded} for each role held in it. Refuses while
     * members or live sub-organizations remain.
     */
    void dissolve(OrganizationId id, @Valid DatedChange command);

    /**
     * The roles in an organization that were held on a date (all roles, past and present, when null), in protocol
     * order: secretary, deputy secretary, committee members, then the agency's head and deputy heads; within a
     * role, by start. Cancelled roles are left out.
     */
    List<RoleAssignment> roles(OrganizationId id, LocalDate asOf);

    /** Publishes {@link RoleAssigned}. The member must be on the rolls of the organization or one below it. */
    UUID assignRole(OrganizationId id, @Valid AssignRole command);

    /** Publishes {@link RoleEnded}. The assignment must belong to the organization. */
    void endRole(OrganizationId id, UUID assignment, @Valid DatedChange command);

    /**
     * Cancels a role recorded by mistake, with a reason: the history keeps it marked cancelled; publishes
     * {@link RoleCancelled}. For the role's recorder or an administrator.
     */
    void cancelRole(OrganizationId id, UUID assignment, @Valid CancelChange command,
            org.cadre.platform.Caller caller);

    /**
     * How each organization is named where many share a short name: "Chi bộ Văn phòng – Đảng bộ Ban Tổ chức Tỉnh
     * ủy" (its name, then its parent's); the name alone at the top of the tree.
     */
    java.util.Map<OrganizationId, String> labels(java.util.Collection<OrganizationId> ids);

    /** The history of an organization's parent and name. */
    List<HistoryEntry> history(OrganizationId id);

    List<CoordinatingBody> coordinatingBodies();

    /** Adds a coordinating body that may comment on the given organizations (and their subtrees). */
    UUID addCoordinatingBody(@Valid AddCoordinatingBody command);

    /** The organizations whose subtrees a coordinating body may comment on. */
    List<OrganizationId> mayCommentOn(UUID body);

    /** The top of the tree (the bloc committee), if there is one. */
    Optional<OrganizationSummary> bloc();

    /** Counts below the bloc committee (or over everything when there is none), today. */
    BlocCounts counts();
}
