package org.cadre.organizations.internal;

import java.time.LocalDate;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleCancelled;
import org.cadre.organizations.RoleEnded;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The periods of roles, written from the events that start and end them (by members' and the tree's changes). */
final class RoleHistory {

    private RoleHistory() {
    }

    static void start(JdbcClient jdbc, RoleAssigned e, Recorder recorder) {
        jdbc.sql("""
                INSERT INTO organizations.role_period (id, organization_id, member_id, role, valid_from, recorded_by,
                    recorded_at)
                VALUES (:id, :organization, :member, :role, :from, :by, :at)
                """).param("id", e.assignment()).param("organization", e.organization().value())
                .param("member", e.member().value()).param("role", e.role().name()).param("from", e.from())
                .param("by", recorder.who()).param("at", recorder.now()).update();
    }

    /** @param withMember whether the member's transfer or leaving ended it (cancelling that gives it back) */
    static void end(JdbcClient jdbc, RoleEnded e, boolean withMember) {
        jdbc.sql("""
                UPDATE organizations.role_period SET valid_to = :on, ended_with_member = :with
                WHERE id = :id AND valid_to IS NULL
                """).param("on", e.on()).param("with", withMember).param("id", e.assignment()).update();
    }

    /** The role never was: kept, marked, and empty. */
    static void cancel(JdbcClient jdbc, RoleCancelled e, Recorder recorder) {
        jdbc.sql("""
                UPDATE organizations.role_period SET valid_to = valid_from, cancelled_at = :at, cancelled_by = :by,
                    cancel_reason = :reason
                WHERE id = :id AND cancelled_at IS NULL
                """).param("at", recorder.now()).param("by", recorder.who()).param("reason", e.reason())
                .param("id", e.assignment()).update();
    }

    /** The roles a member's transfer or leaving on a date ended, held again. */
    static void reopenEndedWith(JdbcClient jdbc, MemberId member, LocalDate on) {
        jdbc.sql("""
                UPDATE organizations.role_period SET valid_to = NULL, ended_with_member = FALSE
                WHERE member_id = :member AND valid_to = :on AND ended_with_member AND cancelled_at IS NULL
                """).param("member", member.value()).param("on", on).update();
    }
}
