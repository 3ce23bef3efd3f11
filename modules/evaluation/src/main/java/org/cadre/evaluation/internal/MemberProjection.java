package org.cadre.evaluation.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.evaluation.EvaluatedMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member and their roles as evaluation knows them today: read from the facts ledger (the latest membership and
 * status that were not cancelled), which the organizations events feed (internal.facts).
 */
@Service
class MemberProjection {

    private final JdbcClient jdbc;

    MemberProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<EvaluatedMember> member(MemberId id) {
        return jdbc.sql("""
                SELECT f.card_number, f.full_name, f.admitted_on, f.confirmed_on, ms.organization_id, st.status,
                       st.valid_from AS status_since
                FROM evaluation.fact_member f
                JOIN LATERAL (
                    SELECT organization_id FROM evaluation.fact_membership x
                    WHERE x.member_id = f.member_id AND NOT x.cancelled
                    ORDER BY x.valid_from DESC, x.admission LIMIT 1) ms ON TRUE
                JOIN LATERAL (
                    SELECT status, valid_from FROM evaluation.fact_status s
                    WHERE s.member_id = f.member_id AND NOT s.cancelled
                    ORDER BY s.valid_from DESC, s.admission LIMIT 1) st ON TRUE
                WHERE f.member_id = :id AND f.admitted_on IS NOT NULL
                """).param("id", id.value())
                .query((rs, row) -> new EvaluatedMember(id, new OrganizationId(rs.getObject("organization_id",
                        UUID.class)), rs.getString("card_number"), rs.getString("full_name"),
                        rs.getObject("admitted_on", LocalDate.class), rs.getObject("confirmed_on", LocalDate.class),
                        MemberStatus.valueOf(rs.getString("status")), rs.getObject("status_since", LocalDate.class)))
                .optional();
    }

    /** {@code ROLE:organization}, with {@code :ended} once it ended; in the order they began. */
    @Transactional(readOnly = true)
    List<String> roles(MemberId id) {
        return jdbc.sql("""
                SELECT role || ':' || organization_id || CASE WHEN valid_to IS NULL THEN '' ELSE ':ended' END
                FROM evaluation.fact_role_effective WHERE member_id = :id ORDER BY valid_from, assignment_id
                """).param("id", id.value()).query(String.class).list();
    }
}
