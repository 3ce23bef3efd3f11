package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One text policy on every way a name enters: the API, the page form and the import. A NUL or a bidirectional
 * override is refused naming the field (or the row and the column), the character and its position, and nothing is
 * written; invisible marks are removed, a name is trimmed and composed (NFC); a JSON key given twice is refused; a
 * value that is no kind is the translated field message on the page and the API.
 */
@OrganizationsModuleTest
class TextInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;

    TestTree tree;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
    }

    int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    String admitBody(String card, String familyName) {
        return """
                {"cardNumber":"%s","familyName":"%s","givenName":"Mai","bornOn":"1990-01-01",
                 "sex":"FEMALE","organizationId":"%s","admittedOn":"2015-01-01","civilServant":true}
                """.formatted(card, familyName, tree.chapterA);
    }

    @Test
    void aNulOrAnOverrideInANameSentToTheApiIsAProblemAndNothingIsWritten() throws Exception {
        int before = count("organizations.member");
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).header("Accept-Language", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content(admitBody(tree.nextCard(), "Ng\\u0000uyễn")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("character-not-allowed"))
                .andExpect(jsonPath("$.field").value("familyName"))
                .andExpect(jsonPath("$.detail").value(
                        "Trường \"Họ\" có ký tự không được phép (U+0000) ở vị trí 3: hãy xóa ký tự đó rồi gửi lại."));
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(admitBody(tree.nextCard(), "\\u202ENgô")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("(U+202E) at position 1")));
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(admitBody(tree.nextCard(), "Lê\\ud800")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("(U+D800) ở vị trí 3")));
        assertThat(count("organizations.member")).isEqualTo(before);
    }

    @Test
    void aNameIsStoredTrimmedComposedAndWithoutInvisibleMarks() throws Exception {
        String card = tree.nextCard();
        String decomposed = Normalizer.normalize("Nguyễn", Normalizer.Form.NFD);
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(admitBody(card, "  " + decomposed + "\\u200B  ")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.familyName").value("Nguyễn"));
        assertThat(members.findByCard(card).orElseThrow().familyName()).isEqualTo("Nguyễn");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAndNothingIsWritten() throws Exception {
        int before = count("organizations.member");
        String card = tree.nextCard();
        String body = admitBody(card, "Lê").replace("\"givenName\":\"Mai\"", "\"givenName\":\"Mai\",\"givenName\":\"Lan\"");
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).header("Accept-Language", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("givenName"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("khóa \"givenName\" hơn một lần")));
        assertThat(count("organizations.member")).isEqualTo(before);
    }

    @Test
    void aNulInAPageFormBringsTheFormBackWithTheReasonNextToTheField() throws Exception {
        String card = tree.nextCard();
        mvc.perform(post("/organizations/{id}/members", tree.chapterA).with(Callers.with(Role.ADMIN)).with(csrf())
                        .header("Accept-Language", "vi")
                        .param("cardNumber", card).param("familyName", "Ngô\u0000").param("givenName", "Tú")
                        .param("bornOn", "1992-03-04").param("sex", "MALE").param("admittedOn", "2020-02-03"))
                .andExpect(redirectedUrl("/organizations/" + tree.chapterA))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.allOf(
                        Matchers.containsString("admit-form"), Matchers.containsString("field=familyName"),
                        Matchers.containsString("Trường \"Họ\" có ký tự không được phép (U+0000) ở vị trí 4")))));
        assertThat(members.findByCard(card)).isEmpty();

        // the same form with the name padded and decomposed is taken, cleaned
        mvc.perform(post("/organizations/{id}/members", tree.chapterA).with(Callers.with(Role.ADMIN)).with(csrf())
                        .param("cardNumber", " " + card + " ")
                        .param("familyName", " " + Normalizer.normalize("Nguyễn", Normalizer.Form.NFD) + "  ")
                        .param("givenName", "T\u200Bú").param("bornOn", "1992-03-04").param("sex", "MALE")
                        .param("admittedOn", "2020-02-03"))
                .andExpect(flash().attributeExists("notice"));
        MemberSummary member = members.findByCard(card).orElseThrow();
        assertThat(member.familyName()).isEqualTo("Nguyễn");
        assertThat(member.givenName()).isEqualTo("Tú");
    }

    @Test
    void anImportedCellWithANulIsARowAndColumnProblemAndNothingIsImported() throws Exception {
        String a = tree.prefix + "-A";
        String csv = """
                Số thẻ đảng viên,Họ,Tên đệm,Tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã tổ chức đảng,Ngày vào Đảng
                %1$s-1, Nguyễn ,Văn,An,12/04/1985,Nam,,%2$s,19/05/2010
                %1$s-2,Trần,Th\u0000ị,Bình,12/04/1986,Nữ,,%2$s,19/05/2010
                """.formatted(tree.prefix, a);
        int before = count("organizations.member");
        mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", "dang-vien.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "MEMBERS").param("dryRun", "false")
                        .header("Accept-Language", "vi").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.report.written").value(false))
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("Tên đệm"))
                .andExpect(jsonPath("$.problems[0].reason").value("character-not-allowed"))
                .andExpect(jsonPath("$.problems[0].message").value(
                        Matchers.containsString("Ô có ký tự không được phép (U+0000) ở vị trí 3")));
        assertThat(count("organizations.member")).isEqualTo(before);

        // without it, the file imports, its cells cleaned as a form's fields would be
        mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", "dang-vien.csv", "text/csv",
                                csv.replace("\u0000", "").getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "MEMBERS").param("dryRun", "false").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isOk());
        assertThat(members.findByCard(tree.prefix + "-1").orElseThrow().familyName()).isEqualTo("Nguyễn");
    }

    @Test
    void aValueThatIsNoKindIsTheTranslatedFieldMessageOnThePageAndTheApi() throws Exception {
        mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {'a'}))
                        .param("kind", "NONSENSE").header("Accept-Language", "vi").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Giá trị của Loại hình không đọc được")));
        mvc.perform(get("/organizations/import/template").param("kind", "NONSENSE").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Giá trị của Loại hình không đọc được")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Failed to convert"))));
        mvc.perform(post("/organizations/{id}/children", tree.committee).with(Callers.with(Role.ADMIN)).with(csrf())
                        .header("Accept-Language", "vi").param("code", tree.prefix + "-K").param("name", "Chi bộ K")
                        .param("kind", "NONSENSE").param("establishedOn", "2020-01-01"))
                .andExpect(redirectedUrl("/organizations/" + tree.committee))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.allOf(
                        Matchers.containsString("field=kind"),
                        Matchers.containsString("Giá trị của Loại hình không đọc được")))));
        mvc.perform(post("/api/organizations").with(Callers.with(Role.ADMIN)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code": "%s-K", "name": "Chi bộ K", "kind": "NONSENSE", "parentId": "%s",
                                 "establishedOn": "2020-01-01"}
                                """.formatted(tree.prefix, tree.committee)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("Failed"))));
        assertThat(organizations.list()).noneMatch(o -> o.code().equals(tree.prefix + "-K"));
    }
}
