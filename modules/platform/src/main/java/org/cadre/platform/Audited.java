package org.cadre.platform;

/**
 * A domain event that belongs in the audit trail: a change to ratings, decisions, rule packs, discipline, member
 * statuses or roles. The platform records what {@link #audit()} says, with who made the change and when, in the
 * transaction that publishes the event, so the trail line commits or rolls back with the change itself.
 *
 * <p>The method is not a bean getter on purpose: the event is serialized into the publication registry by its
 * record components, and the audit line is not one of them.
 */
public interface Audited {

    /** What the trail says of this change. */
    AuditLine audit();
}
