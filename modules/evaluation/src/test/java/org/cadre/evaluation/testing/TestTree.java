package org.cadre.evaluation.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tree of a test's own without a bloc (its codes start with a random prefix, so it stays apart from other tests'
 * data): a grassroots committee with chapters A (An, Bình) and B (Cường), and a grassroots chapter elsewhere, outside
 * a cycle of the committee (Dung, the outsider); all members admitted long before the years the tests rate. The
 * fixtures of the self-assessment and the chapter review insert an open cycle of the committee as the cycles service
 * would, with {@link #openCycle}.
 */
public class TestTree {

    public final String prefix;
    public final OrganizationId committee;
    public final OrganizationId chapterA;
    public final OrganizationId chapterB;
    public final OrganizationId elsewhere;
    public final MemberId an;
    public final MemberId binh;
    public final MemberId cuong;
    public final MemberId outsider;
    private final Sex sex;
    private int cards;

    /** {@code binhMiddleName} and {@code sex}: each fixture's tests read its members' names as they are. */
    protected TestTree(Organizations organizations, Members members, String letter, String binhMiddleName, Sex sex) {
        this.sex = sex;
        prefix = letter + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate established = LocalDate.of(1995, 1, 10);
        committee = organizations.register(new RegisterOrganization(prefix + "-1", "Đảng bộ Sở " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-1A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-1B", "Chi bộ B " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        elsewhere = organizations.register(new RegisterOrganization(prefix + "-2", "Chi bộ Ban " + prefix,
                OrganizationKind.GRASSROOTS_CHAPTER, null, established));
        an = admit(members, chapterA, "Nguyễn", "Văn", "An");
        binh = admit(members, chapterA, "Trần", binhMiddleName, "Bình");
        cuong = admit(members, chapterB, "Lê", "Đức", "Cường");
        outsider = admit(members, elsewhere, "Phạm", "Thị", "Dung");
    }

    private MemberId admit(Members members, OrganizationId organization, String family, String middle,
            String given) {
        return members.admit(new AdmitMember(prefix + "-" + (++cards), family, middle, given,
                LocalDate.of(1970, 4, 12), sex, null, organization.value(), LocalDate.of(1998, 5, 19),
                LocalDate.of(1999, 5, 19), true, "Chuyên viên"));
    }

    /** An open cycle of the committee for the year, pinned to a stored pack version; its id. */
    protected UUID openCycle(JdbcClient jdbc, int year, String pack, int version) {
        UUID cycle = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on,
                    opened_by) VALUES (:id, :year, :scope, :pack, :version, 'OPEN', :on, 'test')
                """).param("id", cycle).param("year", year).param("scope", committee.value()).param("pack", pack)
                .param("version", version).param("on", OffsetDateTime.now()).update();
        return cycle;
    }

    /** A member's card number. */
    public String card(MemberId member) {
        return member.equals(an) ? prefix + "-1" : member.equals(binh) ? prefix + "-2"
                : member.equals(cuong) ? prefix + "-3" : prefix + "-4";
    }

    /** A member signed in as themselves. */
    public Caller member(MemberId member) {
        return new Caller("m-" + member.value(), Set.of(Role.MEMBER), member.value(), null, null);
    }

    /** The secretary of an organization of this tree (their subtree). */
    public Caller secretaryOf(OrganizationId organization) {
        return new Caller("sec-" + prefix, Set.of(Role.SECRETARY), null, organization.value(), null);
    }
}
