package org.cadre.organizations.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;

/**
 * A small tree of its own for a test, with unique codes and card numbers, so tests stay independent of each other
 * and of the demo data in the shared database: a grassroots committee with two chapters, a third chapter elsewhere.
 */
public final class TestTree {

    public final OrganizationId committee;
    public final OrganizationId chapterA;
    public final OrganizationId chapterB;
    public final OrganizationId elsewhere;
    public final String prefix;
    private final Organizations organizations;
    private final Members members;
    private int cards;

    public TestTree(Organizations organizations, Members members) {
        this.organizations = organizations;
        this.members = members;
        this.prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate established = LocalDate.of(2005, 1, 10);
        committee = organizations.register(new RegisterOrganization(prefix, "Đảng bộ Sở Thử nghiệm " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-A", "Chi bộ Văn phòng " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-B", "Chi bộ Thanh tra " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        elsewhere = organizations.register(new RegisterOrganization(prefix + "-X", "Chi bộ cơ sở Khác " + prefix,
                OrganizationKind.GRASSROOTS_CHAPTER, null, established));
    }

    /** Registers {@code count} more chapters under the committee; their codes, {@code prefix-C0...}. */
    public List<String> chapters(int count) {
        List<String> codes = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String code = prefix + "-C" + c;
            organizations.register(new RegisterOrganization(code, "Chi bộ " + c + " " + prefix,
                    OrganizationKind.CHAPTER, committee.value(), LocalDate.of(2005, 2, 1)));
            codes.add(code);
        }
        return codes;
    }

    public String nextCard() {
        return prefix + "-" + (++cards);
    }

    public MemberId admit(OrganizationId organization, String family, String middle, String given) {
        return members.admit(command(organization, nextCard(), family, middle, given));
    }

    public AdmitMember command(OrganizationId organization, String card, String family, String middle, String given) {
        return new AdmitMember(card, family, middle, given, LocalDate.of(1985, 4, 12), Sex.MALE, null,
                organization.value(), LocalDate.of(2010, 5, 19), LocalDate.of(2011, 5, 19), true, "Chuyên viên");
    }
}
