package org.cadre.organizations.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.MemberSummary;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationSummary;
import org.cadre.organizations.Sex;

/** Row mapping and query fragments shared by the module's queries. */
final class Rows {

    /** The ids of the organizations under the roots {@code :roots} (a UUID array), the roots included, as {@code tree}. */
    static final String SUBTREE = """
            WITH RECURSIVE tree (id) AS (
                SELECT id FROM organizations.organization WHERE id = ANY (:roots)
                UNION
                SELECT o.id FROM organizations.organization o JOIN tree ON o.parent_id = tree.id
            )
            """;

    /** The statuses of a member on the rolls ({@link MemberStatus#isMember()}), as an SQL list. */
    static final String ON_ROLLS = sqlList(Arrays.stream(MemberStatus.values()).filter(MemberStatus::isMember));
    /** The grassroots kinds ({@link OrganizationKind#isGrassroots()}), as an SQL list. */
    static final String GRASSROOTS = sqlList(Arrays.stream(OrganizationKind.values())
            .filter(OrganizationKind::isGrassroots));
    /** The kinds that hold members, chapters ({@link OrganizationKind#holdsMembers()}), as an SQL list. */
    static final String HOLDING_MEMBERS = sqlList(Arrays.stream(OrganizationKind.values())
            .filter(OrganizationKind::holdsMembers));

    /** Constants of an enumeration as {@code 'A', 'B'}: the rules stay on the enumeration, the SQL follows them. */
    private static String sqlList(Stream<? extends Enum<?>> constants) {
        return constants.map(constant -> "'" + constant.name() + "'").collect(Collectors.joining(", "));
    }

    static final String ORGANIZATION = """
            SELECT o.id, o.code, o.name, o.kind, o.parent_id, o.established_on, o.dissolved_on,
                   a.name AS agency, a.head_name
            FROM organizations.organization o LEFT JOIN organizations.agency a ON a.id = o.agency_id
            """;

    static final String MEMBER = """
            SELECT m.id, m.card_number, m.family_name, m.middle_name, m.given_name, m.born_on, m.sex, m.national_id,
                   m.admitted_on, m.confirmed_on, m.civil_servant, m.position, m.organization_id,
                   o.name AS organization_name, m.status,
                   (SELECT s.valid_from FROM organizations.member_status_period s
                    WHERE s.member_id = m.id AND s.valid_to IS NULL) AS status_since
            FROM organizations.member m JOIN organizations.organization o ON o.id = m.organization_id
            """;

    private Rows() {
    }

    static OrganizationSummary organization(ResultSet rs, int row) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new OrganizationSummary(new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("code"),
                rs.getString("name"), OrganizationKind.valueOf(rs.getString("kind")),
                parent == null ? null : new OrganizationId(parent), rs.getObject("established_on", LocalDate.class),
                rs.getObject("dissolved_on", LocalDate.class), rs.getString("agency"), rs.getString("head_name"));
    }

    static MemberSummary member(ResultSet rs, int row) throws SQLException {
        return new MemberSummary(new MemberId(rs.getObject("id", UUID.class)), rs.getString("card_number"),
                rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"),
                rs.getObject("born_on", LocalDate.class), Sex.valueOf(rs.getString("sex")),
                rs.getString("national_id"), rs.getObject("admitted_on", LocalDate.class),
                rs.getObject("confirmed_on", LocalDate.class), rs.getBoolean("civil_servant"),
                rs.getString("position"), new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("organization_name"), MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class));
    }
}
