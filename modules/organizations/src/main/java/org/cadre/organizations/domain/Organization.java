package org.cadre.organizations.domain;

import static org.cadre.organizations.OrganizationRefusal.DATES_OUT_OF_ORDER;
import static org.cadre.organizations.OrganizationRefusal.DATE_BEFORE_CURRENT;
import static org.cadre.organizations.OrganizationRefusal.DISSOLVE_NOT_EMPTY;
import static org.cadre.organizations.OrganizationRefusal.KIND_NEEDS_PARENT;
import static org.cadre.organizations.OrganizationRefusal.KIND_NOT_UNDER_PARENT;
import static org.cadre.organizations.OrganizationRefusal.MEMBER_NOT_ON_ROLLS;
import static org.cadre.organizations.OrganizationRefusal.MOVE_CYCLE;
import static org.cadre.organizations.OrganizationRefusal.ORGANIZATION_DISSOLVED;
import static org.cadre.organizations.OrganizationRefusal.PARENT_DISSOLVED;
import static org.cadre.organizations.OrganizationRefusal.ROLE_HELD;
import static org.cadre.organizations.OrganizationRefusal.ROLE_OUTSIDE_ORGANIZATION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AgencyAssigned;
import org.cadre.organizations.OrganizationDissolved;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationMoved;
import org.cadre.organizations.OrganizationRegistered;
import org.cadre.organizations.OrganizationRenamed;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.RoleAssigned;
import org.cadre.platform.Refused;
import org.jmolecules.event.types.DomainEvent;

/**
 * A party organization and the rules of the tree: where each kind may sit, what a dissolved organization may no
 * longer do, the dates of its history, who may hold a role in it. Transitions check, change this object and
 * return their events; questions that need the rest of the tree (is the new parent inside this subtree, does the
 * member belong below) are answered by the service and passed in.
 */
public final class Organization {

    private final OrganizationId id;
    private final String code;
    private String name;
    private final OrganizationKind kind;
    private OrganizationId parent;
    private final LocalDate establishedOn;
    private LocalDate dissolvedOn;
    private LocalDate periodSince;

    private Organization(OrganizationId id, String code, String name, OrganizationKind kind, OrganizationId parent,
            LocalDate establishedOn, LocalDate dissolvedOn, LocalDate periodSince) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parent = parent;
        this.establishedOn = establishedOn;
        this.dissolvedOn = dissolvedOn;
        this.periodSince = periodSince;
    }

    /**
     * An organization as stored.
     *
     * @param periodSince the start of its open period of parent and name
     */
    public static Organization restore(OrganizationId id, String code, String name, OrganizationKind kind,
            OrganizationId parent, LocalDate establishedOn, LocalDate dissolvedOn, LocalDate periodSince) {
        return new Organization(id, code, name, kind, parent, establishedOn, dissolvedOn, periodSince);
    }

    /** A new organization and the event of its registration. */
    public record Registration(Organization organization, OrganizationRegistered event) {
    }

    /**
     * Registers an organization under a live parent of a kind it may sit under, or at the top of the tree.
     * Whether the code is free is the caller's question.
     *
     * @param parent the parent, or {@code null} at the top
     */
    public static Registration register(RegisterOrganization command, Organization parent) {
        if (parent != null && parent.dissolved()) {
            throw new Refused(PARENT_DISSOLVED, parent.name);
        }
        requireMayBeUnder(command.kind(), parent);
        String code = command.code().trim();
        String name = command.name().trim();
        Organization organization = new Organization(new OrganizationId(UUID.randomUUID()), code, name,
                command.kind(), parent == null ? null : parent.id, command.establishedOn(), null,
                command.establishedOn());
        return new Registration(organization, new OrganizationRegistered(organization.id, organization.parent, code,
                name, command.kind(), command.establishedOn()));
    }

    /**
     * Places the organization under another parent from a date.
     *
     * @param parentIsInside whether the new parent is this organization or below it (the move would make a cycle)
     */
    public OrganizationMoved move(Organization to, boolean parentIsInside, LocalDate on) {
        requireLive();
        if (to.dissolved()) {
            throw new Refused(PARENT_DISSOLVED, to.name);
        }
        if (parentIsInside) {
            throw new Refused(MOVE_CYCLE, name, to.name);
        }
        requireMayBeUnder(kind, to);
        requireAfterPeriodStart(on);
        OrganizationMoved moved = new OrganizationMoved(id, parent, to.id, on);
        parent = to.id;
        periodSince = on;
        return moved;
    }

    public OrganizationRenamed rename(String newName, LocalDate on) {
        requireLive();
        requireAfterPeriodStart(on);
        name = newName.trim();
        periodSince = on;
        return new OrganizationRenamed(id, name, on);
    }

    /**
     * Dissolves the organization once it is empty; the roles held in it end that day.
     *
     * @param remaining members on its rolls and live organizations under it
     * @param roles     the roles held in it now
     */
    public List<DomainEvent> dissolve(LocalDate on, int remaining, List<HeldRole> roles) {
        if (dissolved()) {
            throw new Refused(ORGANIZATION_DISSOLVED, name);
        }
        if (on.isBefore(establishedOn)) {
            throw new Refused(DATES_OUT_OF_ORDER, name);
        }
        if (remaining > 0) {
            throw new Refused(DISSOLVE_NOT_EMPTY, name);
        }
        requireAfterPeriodStart(on);
        List<DomainEvent> raised = new ArrayList<>();
        raised.add(new OrganizationDissolved(id, on));
        for (HeldRole role : roles) {
            raised.add(role.end(on));
        }
        dissolvedOn = on;
        periodSince = on;
        return raised;
    }

    /** The agency it sits in, found or created by its code, with the agency's head. */
    public AgencyAssigned assignAgency(UUID agency, String agencyName, String head) {
        requireLive();
        return new AgencyAssigned(id, agency, agencyName.trim(), head == null || head.isBlank() ? null : head.trim());
    }

    /**
     * A member takes a role in this organization from a date.
     *
     * @param memberBelongs whether the member is on the rolls of this organization or of one below it
     * @param held          whether the member holds this role here already
     */
    public RoleAssigned assignRole(Member member, OrganizationRole role, LocalDate from, boolean memberBelongs,
            boolean held) {
        requireLive();
        if (!member.mayHoldRoles()) {
            throw new Refused(MEMBER_NOT_ON_ROLLS, member.cardNumber());
        }
        if (!memberBelongs) {
            throw new Refused(ROLE_OUTSIDE_ORGANIZATION, name);
        }
        if (held) {
            throw new Refused(ROLE_HELD, name);
        }
        return new RoleAssigned(UUID.randomUUID(), id, member.id(), role, from);
    }

    private static void requireMayBeUnder(OrganizationKind kind, Organization parent) {
        if (parent == null && !kind.mayBeUnder(null)) {
            throw new Refused(KIND_NEEDS_PARENT);
        }
        if (parent != null && !kind.mayBeUnder(parent.kind)) {
            throw new Refused(KIND_NOT_UNDER_PARENT, parent.name);
        }
    }

    private void requireLive() {
        if (dissolved()) {
            throw new Refused(ORGANIZATION_DISSOLVED, name);
        }
    }

    private void requireAfterPeriodStart(LocalDate on) {
        if (periodSince != null && !on.isAfter(periodSince)) {
            throw new Refused(DATE_BEFORE_CURRENT, on, periodSince);
        }
    }

    public boolean dissolved() {
        return dissolvedOn != null;
    }

    public OrganizationId id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public OrganizationId parent() {
        return parent;
    }

    public LocalDate establishedOn() {
        return establishedOn;
    }

    public LocalDate dissolvedOn() {
        return dissolvedOn;
    }
}
