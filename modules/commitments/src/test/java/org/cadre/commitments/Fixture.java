package org.cadre.commitments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;

/**
 * A tree of its own (organizations' {@link TestTree}), a resolution and a campaign of this year over the tree's
 * committee, and the callers of the tests: the committee's secretary, a member, an administrator.
 */
final class Fixture {

    final TestTree tree;
    final int year;
    final LocalDate today;
    final UUID resolution;
    UUID campaign;
    final Study study;

    Fixture(Organizations organizations, Members members, Study study, Clock clock) {
        this.tree = new TestTree(organizations, members);
        this.study = study;
        this.today = LocalDate.now(clock);
        this.year = today.getYear();
        this.resolution = study.createResolution(new CreateResolution("04-NQ/TW " + tree.prefix,
                "Về tăng cường xây dựng, chỉnh đốn Đảng", LocalDate.of(year - 1, 10, 30), "Ban Chấp hành Trung ương",
                "https://example.org/nq4.pdf"));
    }

    /** Opens the campaign once the members are in: those active today are listed. */
    UUID open() {
        campaign = study.openCampaign(new OpenCampaign(resolution, tree.committee.value(), LocalDate.of(year, 1, 5),
                LocalDate.of(year, 6, 30)));
        return campaign;
    }

    String resolutionNumber() {
        return "04-NQ/TW " + tree.prefix;
    }

    LocalDate on(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    ItemDraft item(String content, int month) {
        return new ItemDraft(content, "Nhiệm vụ được giao", "Hoàn thành 100%", on(month, 28), 50);
    }

    List<ItemDraft> items() {
        return List.of(item("Giải quyết hồ sơ đúng hạn", 3), item("Không vi phạm quy chế", 11));
    }

    static Caller admin() {
        return Caller.of("u-admin", Role.ADMIN);
    }

    Caller secretary() {
        return secretaryOf(tree.committee);
    }

    static Caller secretaryOf(OrganizationId organization) {
        return Caller.of("u-secretary", Role.SECRETARY).withOrganizationScope(organization.value());
    }

    static Caller member(MemberId member) {
        return Caller.of("u-member", Role.MEMBER).withMember(member.value());
    }
}
