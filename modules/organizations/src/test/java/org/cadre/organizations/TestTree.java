package org.cadre.organizations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A small tree of its own for a test, with unique codes and card numbers, so tests stay independent of each other
 * and of the demo data in the shared database: a grassroots committee with two chapters, a third chapter elsewhere.
 */
final class TestTree {

    final OrganizationId committee;
    final OrganizationId chapterA;
    final OrganizationId chapterB;
    final OrganizationId elsewhere;
    final String prefix;
    private final Members members;
    private int cards;

    TestTree(Organizations organizations, Members members) {
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

    String nextCard() {
        return prefix + "-" + (++cards);
    }

    MemberId admit(OrganizationId organization, String family, String middle, String given) {
        return members.admit(command(organization, nextCard(), family, middle, given));
    }

    AdmitMember command(OrganizationId organization, String card, String family, String middle, String given) {
        return new AdmitMember(card, family, middle, given, LocalDate.of(1985, 4, 12), Sex.MALE, null,
                organization.value(), LocalDate.of(2010, 5, 19), LocalDate.of(2011, 5, 19), true, "Chuyên viên");
    }
}
