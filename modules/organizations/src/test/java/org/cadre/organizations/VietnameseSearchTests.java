package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cadre.organizations.testing.TestTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Search ignores case and diacritics; lists sort the Vietnamese way, by given name, middle name, family name. */
@OrganizationsModuleTest
class VietnameseSearchTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void searchFindsNamesWithoutDiacriticsAndListsSortTheVietnameseWay() {
        TestTree tree = new TestTree(organizations, members);
        tree.admit(tree.chapterA, "Nguyễn", "Văn", "A");
        tree.admit(tree.chapterA, "Đặng", "Thị", "Ánh");
        tree.admit(tree.chapterA, "Trần", "Văn", "Ân");
        tree.admit(tree.chapterA, "Lê", "Thị", "Bích");
        tree.admit(tree.chapterA, "Bùi", "Văn", "An");
        tree.admit(tree.chapterA, "Bùi", "Thị", "Ăn");
        tree.admit(tree.chapterA, "Ân", "Văn", "Đạt");
        tree.admit(tree.chapterA, "Võ", "Minh", "Dũng");

        Visibility scope = Visibility.within(List.of(tree.chapterA));
        assertThat(members.search("nguyen van a", scope, 10)).extracting(MemberSummary::fullName)
                .containsExactly("Nguyễn Văn A");
        assertThat(members.search("DANG THI", scope, 10)).extracting(MemberSummary::fullName)
                .containsExactly("Đặng Thị Ánh");
        assertThat(members.search("dat", scope, 10)).extracting(MemberSummary::fullName)
                .containsExactly("Ân Văn Đạt");

        assertThat(members.list(tree.chapterA, false, null)).extracting(MemberSummary::fullName).containsExactly(
                "Nguyễn Văn A", "Bùi Văn An", "Đặng Thị Ánh", "Bùi Thị Ăn", "Trần Văn Ân", "Lê Thị Bích",
                "Võ Minh Dũng", "Ân Văn Đạt");
    }
}
