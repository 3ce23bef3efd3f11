package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Search that puts the person meant first, says how many it found, pages, and tells namesakes apart. */
@OrganizationsModuleTest
class RankedSearchTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void wholeWordsWithTheirAccentsComeFirstThenWholeWordsThenTheRest() {
        TestTree tree = new TestTree(organizations, members);
        tree.admit(tree.chapterA, "Trần", "Thanh", "Ánh");
        tree.admit(tree.chapterA, "Lê", "Văn", "Hành");
        tree.admit(tree.chapterB, "Nguyễn", "Thị", "Hạnh");
        tree.admit(tree.chapterA, "Đỗ", "Hạnh", "Nguyên");
        Visibility scope = Visibility.within(List.of(tree.committee));

        MemberSearch found = members.search("hạnh", scope, 1, 10);
        assertThat(found.total()).isEqualTo(4);
        assertThat(found.members()).extracting(MemberSummary::fullName).containsExactly("Nguyễn Thị Hạnh",
                "Đỗ Hạnh Nguyên", "Lê Văn Hành", "Trần Thanh Ánh");
        // without accents: whole words first, in Vietnamese order; "Thanh Ánh" only contains the letters
        assertThat(members.search("hanh", scope, 1, 10).members()).extracting(MemberSummary::fullName).last()
                .isEqualTo("Trần Thanh Ánh");

        MemberSearch second = members.search("hạnh", scope, 2, 3);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.first()).isEqualTo(4);
        assertThat(second.members()).extracting(MemberSummary::fullName).containsExactly("Trần Thanh Ánh");
    }

    @Test
    void thePageShowsTheCountTheChapterWithItsCommitteeAndTheYearOfBirth() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        for (int i = 0; i < 23; i++) {
            tree.admit(i % 2 == 0 ? tree.chapterA : tree.chapterB, "Nguyễn", "Văn", "Trùng" + tree.prefix);
        }
        String page = mvc.perform(get("/members").param("q", "trung" + tree.prefix.toLowerCase())
                        .with(Callers.with(Role.ADMIN)).header("Accept-Language", "vi"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tìm thấy 23 đảng viên; đang xem 1–20.").contains("Trang 1 / 2")
                .contains("Chi bộ Văn phòng " + tree.prefix + " – Đảng bộ Sở Thử nghiệm " + tree.prefix)
                .contains("<td>1985</td>").contains("page=2");
        String next = mvc.perform(get("/members").param("q", "trung" + tree.prefix.toLowerCase()).param("page", "2")
                .with(Callers.with(Role.ADMIN)).header("Accept-Language", "vi"))
                .andReturn().getResponse().getContentAsString();
        assertThat(next).contains("đang xem 21–23.").contains("Trang 2 / 2");
    }
}
