package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two secretaries edit the same record: both load the form, the first saves, the second's save is refused as an
 * edit conflict (the reason next to the form on the page, a 409 problem on the API) and the first change is kept;
 * the second, having reloaded, saves with the current version. Member details, an organization's name and agency.
 */
@OrganizationsModuleTest
class EditConflictTests {

    private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    MockMvc mvc;

    TestTree tree;
    RequestPostProcessor lan;
    RequestPostProcessor minh;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
        lan = Callers.as(Caller.of("u-lan", Role.SECRETARY).withOrganizationScope(tree.committee.value()));
        minh = Callers.as(Caller.of("u-minh", Role.SECRETARY).withOrganizationScope(tree.committee.value()));
    }

    @Test
    void theSecondSecretarysCorrectionIsRefusedOnThePageAndTheFirstIsKept() throws Exception {
        MemberId member = tree.admit(tree.chapterA, "Lê", "Văn", "Tám");
        String loadedByLan = formVersion("/members/" + member.value(), lan);
        String loadedByMinh = formVersion("/members/" + member.value(), minh);
        assertThat(loadedByMinh).isEqualTo(loadedByLan);

        correct(member, lan, loadedByLan, "Lê")
                .andExpect(flash().attributeExists("notice"));
        correct(member, minh, loadedByMinh, "Phạm")
                .andExpect(redirectedUrl("/members/" + member.value()))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("correct-form"),
                        containsString("Người khác đã sửa bản ghi này lúc ")))));
        assertThat(members.find(member).orElseThrow().fullName()).isEqualTo("Lê Văn Tám Sửa");

        // reloaded, the form carries the new version and Minh's save goes through
        String reloaded = formVersion("/members/" + member.value(), minh);
        assertThat(reloaded).isNotEqualTo(loadedByMinh);
        correct(member, minh, reloaded, "Phạm").andExpect(flash().attributeExists("notice"));
        assertThat(members.find(member).orElseThrow().fullName()).isEqualTo("Phạm Văn Tám Sửa");
    }

    @Test
    void theSecondCorrectionThroughTheApiIsA409AndTheFirstIsKept() throws Exception {
        MemberId member = tree.admit(tree.chapterA, "Lê", "Văn", "Chín");
        String etag = mvc.perform(get("/api/members/{id}", member.value()).with(lan))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        assertThat(etag).matches("\"\\d+\"");

        String after = apiCorrect(member, lan, etag, "Lê").andExpect(status().isOk())
                .andExpect(jsonPath("$.familyName").value("Lê")).andReturn().getResponse().getHeader("ETag");
        apiCorrect(member, minh, etag, "Phạm").andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("edit-conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at ")));
        assertThat(members.find(member).orElseThrow().familyName()).isEqualTo("Lê");

        mvc.perform(get("/api/members/{id}", member.value()).with(minh)).andExpect(header().string("ETag", after));
        apiCorrect(member, minh, after, "Phạm").andExpect(status().isOk());
        assertThat(members.find(member).orElseThrow().familyName()).isEqualTo("Phạm");
    }

    @Test
    void aRenameAndAnAgencyFromFormsLoadedTogetherTheSecondIsRefused() throws Exception {
        var admin = Callers.with(Role.ADMIN);
        var otherAdmin = Callers.as(Caller.of("u-admin-2", Role.ADMIN));
        String page = "/organizations/" + tree.chapterB.value();
        String loadedA = formVersion(page, admin);
        String loadedB = formVersion(page, otherAdmin);

        mvc.perform(post("/organizations/{id}/rename", tree.chapterB.value()).with(admin).with(csrf())
                        .param("version", loadedA).param("name", "Chi bộ Đổi tên").param("on", "2024-01-01"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/organizations/{id}/agency", tree.chapterB.value()).with(otherAdmin).with(csrf())
                        .param("version", loadedB).param("code", tree.prefix + "X").param("name", "Sở Khác"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("formError", hasToString(allOf(containsString("agency-form"),
                        containsString("Người khác đã sửa bản ghi này")))));
        mvc.perform(post("/organizations/{id}/rename", tree.chapterB.value()).with(otherAdmin).with(csrf())
                        .param("version", loadedB).param("name", "Chi bộ Ghi đè").param("on", "2024-01-01"))
                .andExpect(flash().attributeExists("formError"));
        assertThat(organizations.find(tree.chapterB).orElseThrow().name()).isEqualTo("Chi bộ Đổi tên");
        assertThat(organizations.find(tree.chapterB).orElseThrow().agency()).isNotEqualTo("Sở Khác");

        // through the API: the ETag of the organization, If-Match on the rename
        String etag = mvc.perform(get("/api/organizations/{id}", tree.chapterB.value()).with(admin))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(post("/api/organizations/{id}/rename", tree.chapterB.value()).with(admin).with(csrf())
                        .header("If-Match", "\"" + loadedB + "\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Chi bộ Cũ\",\"on\":\"2024-01-01\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("edit-conflict"));
        mvc.perform(post("/api/organizations/{id}/agency", tree.chapterB.value()).with(admin).with(csrf())
                        .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + tree.prefix + "Y\",\"name\":\"Sở Mới\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.agency").value("Sở Mới"));
        assertThat(organizations.find(tree.chapterB).orElseThrow().name()).isEqualTo("Chi bộ Đổi tên");
    }

    private String formVersion(String page, RequestPostProcessor caller) throws Exception {
        String html = mvc.perform(get(page).with(caller)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher version = VERSION.matcher(html);
        assertThat(version.find()).as("the edit form carries its version").isTrue();
        return version.group(1);
    }

    private org.springframework.test.web.servlet.ResultActions correct(MemberId member, RequestPostProcessor caller,
            String version, String familyName) throws Exception {
        return mvc.perform(post("/members/{id}/correct", member.value()).with(caller).with(csrf())
                .param("version", version).param("familyName", familyName).param("middleName", "Văn")
                .param("givenName", "Tám Sửa").param("bornOn", "1980-05-06").param("sex", "MALE"));
    }

    private org.springframework.test.web.servlet.ResultActions apiCorrect(MemberId member,
            RequestPostProcessor caller, String etag, String familyName) throws Exception {
        return mvc.perform(post("/api/members/{id}/correct", member.value()).with(caller).with(csrf())
                .header("If-Match", etag).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"familyName\":\"" + familyName + "\",\"givenName\":\"Chín\",\"bornOn\":\"1980-05-06\","
                        + "\"sex\":\"MALE\",\"civilServant\":false}"));
    }
}
