package org.cadre.organizations.internal;

import org.cadre.organizations.RoleAssigned;
import org.cadre.organizations.RoleEnded;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The periods of roles, written from the events that start and end them (by members' and the tree's changes). */
final class RoleHistory {

    private RoleHistory() {
    }

    static void start(JdbcClient jdbc, RoleAssigned e) {
        jdbc.sql("""
                INSERT INTO organizations.role_period (id, organization_id, member_id, role, valid_from)
                VALUES (:id, :organization, :member, :role, :from)
                """).param("id", e.assignment()).param("organization", e.organization().value())
                .param("member", e.member().value()).param("role", e.role().name()).param("from", e.from()).update();
    }

    static void end(JdbcClient jdbc, RoleEnded e) {
        jdbc.sql("UPDATE organizations.role_period SET valid_to = :on WHERE id = :id AND valid_to IS NULL")
                .param("on", e.on()).param("id", e.assignment()).update();
    }
}
