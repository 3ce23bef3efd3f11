package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import that tells the truth: a card number on record with other data is reported field by field and may be
 * updated when the user says so; the file checked is the file imported, kept on the server between the two.
 */
@OrganizationsModuleTest
class ImportTruthTests {

    private static final String HEADING = "Số thẻ đảng viên,Họ,Tên đệm,Tên,Ngày sinh,Giới tính,Số định danh cá nhân,"
            + "Mã tổ chức đảng,Ngày vào Đảng,Ngày chính thức,\"Công chức, viên chức\",Chức vụ\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Imports imports;

    @Test
    void aCardOnRecordWithOtherDataIsReportedByFieldAndUpdatedOnlyWhenChosen() {
        TestTree tree = new TestTree(organizations, members);
        String card = tree.nextCard();
        MemberId id = members.admit(tree.command(tree.chapterA, card, "Trần", "Văn", "Đức"));
        Caller admin = Caller.of("u-admin", Role.ADMIN);
        byte[] file = (HEADING + card + ",Trần,Minh,Đức,12/04/1985,Nam,,TA-A,19/05/2010,19/05/2011,Có,Trưởng phòng\n")
                .replace("TA-A", tree.prefix + "-A").getBytes(StandardCharsets.UTF_8);

        ImportReport report = imports.check(ImportKind.MEMBERS, "dang-vien.csv", file, admin, false);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("card-differs");
            assertThat(p.arguments().get(1)).contains("Tên đệm: «Văn» → «Minh»")
                    .contains("Chức vụ: «Chuyên viên» → «Trưởng phòng»").doesNotContain("Họ:");
        });
        assertThat(members.find(id).orElseThrow().middleName()).isEqualTo("Văn");

        ImportReport willUpdate = imports.check(ImportKind.MEMBERS, "dang-vien.csv", file, admin, true);
        assertThat(willUpdate.ok()).isTrue();
        assertThat(willUpdate.updated()).isEqualTo(1);
        ImportReport updated = imports.run(ImportKind.MEMBERS, "dang-vien.csv", file, admin, true, done -> { });
        assertThat(updated.written()).isTrue();
        assertThat(members.find(id).orElseThrow().fullName()).isEqualTo("Trần Minh Đức");
        assertThat(members.find(id).orElseThrow().position()).isEqualTo("Trưởng phòng");
        // the same file again changes nothing
        assertThat(imports.check(ImportKind.MEMBERS, "dang-vien.csv", file, admin, false).unchanged()).isEqualTo(1);

        // another chapter is a transfer, with a date and a history: never an update from a file
        byte[] moved = new String(file, StandardCharsets.UTF_8).replace(tree.prefix + "-A", tree.prefix + "-B")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(imports.check(ImportKind.MEMBERS, "dang-vien.csv", moved, admin, true).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.reason()).isEqualTo("card-differs-history");
                    assertThat(p.arguments().get(1)).contains("Mã tổ chức đảng: «Chi bộ Văn phòng");
                });
        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
    }

    @Test
    void theCheckedFileIsKeptOnTheServerSoThatImportImportsIt() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        String card = tree.nextCard();
        byte[] file = (HEADING + card + ",Đinh,Thị,Lưu,02/02/1990,Nữ,,TA-A,03/03/2015,,Không,\n")
                .replace("TA-A", tree.prefix + "-A").getBytes(StandardCharsets.UTF_8);
        var secretary = Callers.secretaryOf(tree.committee);

        String page = mvc.perform(multipart("/organizations/import").file(new MockMultipartFile("file",
                        "luu.csv", "text/csv", file)).param("kind", "MEMBERS").param("mode", "check")
                        .with(secretary).with(csrf()).header("Accept-Language", "vi"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tệp đã kiểm tra: luu.csv").contains("id=\"import-check\" class=\"secondary\"");
        Matcher staged = Pattern.compile("name=\"staged\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(staged.find()).isTrue();
        assertThat(members.findByCard(card)).isEmpty();

        // "Nhập" without choosing the file again: the kept one is imported
        mvc.perform(multipart("/organizations/import").param("kind", "MEMBERS").param("mode", "run")
                        .param("staged", staged.group(1)).with(secretary).with(csrf()))
                .andExpect(redirectedUrlPattern("/organizations/import/jobs/*"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> members.findByCard(card).isPresent());
        assertThat(members.findByCard(card).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
        // kept for its owner only, and gone once imported
        assertThat(imports.staged(java.util.UUID.fromString(staged.group(1)), Caller.of("u-secretary",
                Role.SECRETARY))).isEmpty();
    }
}
