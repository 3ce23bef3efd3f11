package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rule of the domain refuses the same way whichever door a change comes through: the API answers with its
 * reason and text, the page puts the same text next to the form, the import reports it on the row. The rules here:
 * members are kept in chapters, never on a committee's rolls; a caller changes only their own part of the tree.
 */
@OrganizationsModuleTest
class OneReasonEverywhereTests {

    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Imports imports;
    @Autowired
    MessageSource messages;

    TestTree tree;
    String committee;
    String reasonInVietnamese;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
        committee = organizations.find(tree.committee).orElseThrow().name();
        reasonInVietnamese = messages.getMessage("problemDetail.organizations.holds-no-members",
                new Object[] {committee}, VI);
    }

    @Test
    void theApiAnswersWithTheReasonAndItsText() throws Exception {
        String card = tree.nextCard();
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).header("Accept-Language", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"cardNumber":"%s","familyName":"Lê","givenName":"Mai","bornOn":"1990-01-01",
                                 "sex":"FEMALE","organizationId":"%s","admittedOn":"2015-01-01","civilServant":false}
                                """.formatted(card, tree.committee)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("holds-no-members"))
                .andExpect(jsonPath("$.field").value("organizationId"))
                .andExpect(jsonPath("$.detail").value(reasonInVietnamese));
        assertThat(members.findByCard(card)).isEmpty();
    }

    @Test
    void thePageShowsTheSameTextNextToTheForm() throws Exception {
        String card = tree.nextCard();
        mvc.perform(post("/organizations/{id}/members", tree.committee).with(Callers.with(Role.ADMIN)).with(csrf())
                        .header("Accept-Language", "vi")
                        .param("cardNumber", card).param("familyName", "Lê").param("givenName", "Mai")
                        .param("bornOn", "1990-01-01").param("sex", "FEMALE").param("admittedOn", "2015-01-01"))
                .andExpect(redirectedUrl("/organizations/" + tree.committee))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.allOf(
                        Matchers.containsString("admit-form"), Matchers.containsString(reasonInVietnamese)))));
        assertThat(members.findByCard(card)).isEmpty();
    }

    @Test
    void theImportReportsItOnTheRowWithTheSameText() throws Exception {
        String card = tree.nextCard();
        String csv = """
                Số thẻ đảng viên,Họ,Tên đệm,Tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã tổ chức đảng,Ngày vào Đảng,Ngày chính thức,"Công chức, viên chức",Chức vụ
                %s,Lê,Thị,Mai,01/01/1990,Nữ,,%s,01/01/2015,,Có,
                """.formatted(card, tree.prefix);
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        ImportReport report = imports.check(ImportKind.MEMBERS, "dang-vien.csv", file, Caller.of("a", Role.ADMIN));
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.reason()).isEqualTo("holds-no-members");
            assertThat(problem.messageKey()).isEqualTo("problemDetail.organizations.holds-no-members");
        });
        mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", "dang-vien.csv", "text/csv", file))
                        .param("kind", "MEMBERS").param("dryRun", "false")
                        .header("Accept-Language", "vi").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.report.written").value(false))
                .andExpect(jsonPath("$.problems[0].message").value(
                        Matchers.containsString(reasonInVietnamese)));
        assertThat(members.findByCard(card)).isEmpty();
    }

    @Test
    void aForgedScopeIsRefusedAsOutOfScopeThroughEachDoor() throws Exception {
        // a secretary of one chapter names a chapter of another organization
        var secretary = Callers.secretaryOf(tree.chapterA);
        Caller sameSecretary = Caller.of("u-secretary", Role.SECRETARY).withOrganizationScope(tree.chapterA.value());
        String card = tree.nextCard();

        mvc.perform(post("/api/members").with(secretary).header("Accept-Language", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"cardNumber":"%s","familyName":"Lê","givenName":"Mai","bornOn":"1990-01-01",
                                 "sex":"FEMALE","organizationId":"%s","admittedOn":"2015-01-01","civilServant":false}
                                """.formatted(card, tree.elsewhere)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("out-of-scope"));
        mvc.perform(post("/organizations/{id}/members", tree.elsewhere).with(secretary).with(csrf())
                        .param("cardNumber", card).param("familyName", "Lê").param("givenName", "Mai")
                        .param("bornOn", "1990-01-01").param("sex", "FEMALE").param("admittedOn", "2015-01-01"))
                .andExpect(status().isForbidden());
        String csv = """
                Số thẻ đảng viên,Họ,Tên đệm,Tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã tổ chức đảng,Ngày vào Đảng,Ngày chính thức,"Công chức, viên chức",Chức vụ
                %s,Lê,Thị,Mai,01/01/1990,Nữ,,%s,01/01/2015,,Có,
                """.formatted(card, tree.prefix + "-X");
        ImportReport report = imports.check(ImportKind.MEMBERS, "dang-vien.csv", csv.getBytes(StandardCharsets.UTF_8),
                sameSecretary);
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.reason()).isEqualTo("out-of-scope");
        });
        assertThat(members.findByCard(card)).isEmpty();
    }
}
