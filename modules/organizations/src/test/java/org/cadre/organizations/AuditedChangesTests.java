package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A change to a member's status made through the API leaves one line in the audit trail naming the secretary who
 * made it, the member and the chapter; a refused change leaves none; administrators read it in either language.
 */
@OrganizationsModuleTest
class AuditedChangesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;

    TestTree tree;
    MemberId inA;
    MemberId inB;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
        inA = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Ánh");
        inB = tree.admit(tree.chapterB, "Trần", "Thị", "Bích");
    }

    @Test
    void aSuspensionByASecretaryIsRecordedWithWhoWhatAndWhere() throws Exception {
        mvc.perform(post("/api/members/{id}/suspend", inA).with(Callers.secretaryOf(tree.chapterA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"2024-03-01\",\"reason\":\"Vi phạm <b>quy định</b>\",\"decision\":\"09-QĐ/ĐU\"}"))
                .andExpect(status().isOk());

        List<Map<String, Object>> lines = lines(inA, "organizations.member-suspended");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).containsEntry("username", "u-secretary").containsEntry("roles", "SECRETARY")
                .containsEntry("module", "organizations").containsEntry("organization", tree.chapterA.value())
                .containsEntry("arguments", "[\"01/03/2024\",\"Vi phạm <b>quy định</b>\",\"09-QĐ/ĐU\"]");

        // the administrators' page says it in words, escaped, in both languages
        mvc.perform(get("/admin/audit").param("kind", "organizations.member-suspended")
                        .param("user", "u-secretary").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(
                        "Đình chỉ sinh hoạt từ ngày 01/03/2024: Vi phạm &lt;b&gt;quy định&lt;/b&gt; (quyết định 09-QĐ/ĐU)")));
        mvc.perform(get("/admin/audit").param("kind", "organizations.member-suspended")
                        .param("user", "u-secretary").param("lang", "en").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(
                        "Suspended from 01/03/2024: Vi phạm &lt;b&gt;quy định&lt;/b&gt; (decision 09-QĐ/ĐU)")));
        mvc.perform(get("/admin/audit").with(Callers.secretaryOf(tree.chapterA))).andExpect(status().isForbidden());
    }

    @Test
    void aRefusedChangeLeavesNoLine() throws Exception {
        // out of the secretary's subtree: refused before anything is written
        mvc.perform(post("/api/members/{id}/suspend", inB).with(Callers.secretaryOf(tree.chapterA))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2024-03-01\"}"))
                .andExpect(status().isForbidden());
        // in scope, but refused by the member's rules (a date before the admission) after the transaction began
        mvc.perform(post("/api/members/{id}/suspend", inA).with(Callers.secretaryOf(tree.chapterA))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"1950-03-01\"}"))
                .andExpect(status().is4xxClientError());

        assertThat(lines(inB, "organizations.member-suspended")).isEmpty();
        assertThat(lines(inA, "organizations.member-suspended")).isEmpty();
        // the admissions themselves are in the trail, as work no user asked for (the fixture calls the facade)
        assertThat(lines(inA, "organizations.member-admitted")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("username", ""));
    }

    private List<Map<String, Object>> lines(MemberId member, String kind) {
        return jdbc.sql("SELECT * FROM audit.entry WHERE target = :target AND kind = :kind ORDER BY id")
                .param("target", member.value().toString()).param("kind", kind).query().listOfRows();
    }
}
