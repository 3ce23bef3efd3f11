package org.cadre.platform;

/**
 * The append-only record of who changed what and when. Events marked {@link Audited} reach it by themselves; a
 * change that raises no event (a user account created) records its line here, inside its own transaction.
 */
public interface AuditTrail {

    /** Records the line as done now by the current caller, in the current transaction if there is one. */
    void record(AuditLine line);
}
