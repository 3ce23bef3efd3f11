package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Each role sees and changes only its scope: a secretary their subtree, a member their own record, a reviewer what
 * their coordinating body may comment on. A forged id outside the scope is refused and writes nothing.
 */
@OrganizationsModuleTest
class ScopeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    TestTree tree;
    MemberId inA;
    MemberId inB;
    MemberId outside;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
        inA = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Ánh");
        inB = tree.admit(tree.chapterB, "Trần", "Thị", "Bích");
        outside = tree.admit(tree.elsewhere, "Lê", "Văn", "Cường");
    }

    RequestPostProcessor secretaryOfA() {
        return Callers.secretaryOf(tree.chapterA);
    }

    @Test
    void aSecretarySeesOnlyTheirSubtree() throws Exception {
        mvc.perform(get("/api/organizations/tree").with(secretaryOfA()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].organization.id").value(tree.chapterA.toString()))
                .andExpect(jsonPath("$[0].members").value(1));
        mvc.perform(get("/api/organizations/{id}/members", tree.chapterA).with(secretaryOfA()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(inA.toString()));
        mvc.perform(get("/api/organizations/{id}/members", tree.chapterB).with(secretaryOfA()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/members/{id}", inB).with(secretaryOfA())).andExpect(status().isForbidden());
        mvc.perform(get("/api/members").param("q", tree.prefix).with(secretaryOfA()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        // a committee secretary sees both chapters
        mvc.perform(get("/api/members/{id}", inB).with(Callers.secretaryOf(tree.committee)))
                .andExpect(status().isOk());
        mvc.perform(get("/organizations").with(secretaryOfA()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Chi bộ Văn phòng " + tree.prefix)))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Chi bộ Thanh tra " + tree.prefix))));
    }

    @Test
    void aSecretaryChangesOnlyTheirSubtreeAndAForgedRequestWritesNothing() throws Exception {
        String exempt = "{\"on\":\"2024-01-01\",\"reason\":\"Sức khỏe\"}";
        mvc.perform(post("/api/members/{id}/exempt", inA).with(secretaryOfA())
                        .contentType(MediaType.APPLICATION_JSON).content(exempt))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXEMPT"));
        mvc.perform(post("/api/members/{id}/exempt", inB).with(secretaryOfA())
                        .contentType(MediaType.APPLICATION_JSON).content(exempt))
                .andExpect(status().isForbidden());
        assertThat(members.find(inB).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        // admitting into another organization is a forged request too
        String admit = """
                {"cardNumber":"%s","familyName":"Bùi","middleName":"Văn","givenName":"Dũng","bornOn":"1990-01-01",
                 "sex":"MALE","organizationId":"%s","admittedOn":"2015-01-01","civilServant":true}
                """.formatted(tree.nextCard(), tree.chapterB);
        mvc.perform(post("/api/members").with(secretaryOfA()).contentType(MediaType.APPLICATION_JSON).content(admit))
                .andExpect(status().isForbidden());
        assertThat(members.list(tree.chapterB, false, null)).hasSize(1);
        // moving the tree is for administrators
        mvc.perform(post("/api/organizations/{id}/move", tree.chapterA).with(secretaryOfA())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":\"" + tree.elsewhere + "\",\"on\":\"2024-01-01\"}"))
                .andExpect(status().isForbidden());
        // sending a member of their own chapter to another organization is theirs to do
        mvc.perform(post("/api/members/{id}/transfer", inA).with(secretaryOfA())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationId\":\"" + tree.chapterB + "\",\"on\":\"2024-06-01\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organizationId").value(tree.chapterB.toString()));
    }

    @Test
    void aMemberSeesOnlyTheirOwnRecord() throws Exception {
        var member = Callers.member(inA);
        mvc.perform(get("/api/members/{id}", inA).with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$.cardNumber").exists());
        mvc.perform(get("/api/members/{id}", inB).with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/api/organizations/{id}/members", tree.chapterA).with(member))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/organizations/tree").with(member)).andExpect(status().isForbidden());
        mvc.perform(post("/api/members/{id}/exempt", inA).with(member).contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"2024-01-01\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aReviewerSeesOnlyWhatTheirBodyMayCommentOnAndChangesNothing() throws Exception {
        UUID body = organizations.addCoordinatingBody(new AddCoordinatingBody("CB-" + tree.prefix,
                "Ban thử nghiệm " + tree.prefix, List.of(tree.committee.value())));
        var reviewer = Callers.reviewerFor(body);
        mvc.perform(get("/api/members/{id}", inB).with(reviewer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalId").doesNotExist());
        mvc.perform(get("/api/members/{id}", outside).with(reviewer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/organizations/{id}", tree.elsewhere).with(reviewer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/organizations/tree").with(reviewer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].organization.id").value(tree.committee.toString()))
                .andExpect(jsonPath("$[0].membersInSubtree").value(2));
        mvc.perform(post("/api/members/{id}/suspend", inB).with(reviewer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"2024-01-01\"}")).andExpect(status().isForbidden());
        assertThat(members.find(inB).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void theNationalIdIsReadOnlyByAdministratorsTheMembersSecretariesAndTheMember() throws Exception {
        AdmitMember command = tree.command(tree.chapterB, tree.nextCard(), "Hà", "Thị", "Ngân");
        MemberId withId = members.admit(new AdmitMember(command.cardNumber(), command.familyName(),
                command.middleName(), command.givenName(), command.bornOn(), command.sex(), "001185012345",
                command.organizationId(), command.admittedOn(), command.confirmedOn(), true, null));
        UUID body = organizations.addCoordinatingBody(new AddCoordinatingBody("CB-" + tree.prefix,
                "Ban thử nghiệm " + tree.prefix, List.of(tree.committee.value())));
        var secretaryOfCommittee = Callers.secretaryOf(tree.committee);
        for (var reader : List.of(secretaryOfCommittee, Callers.with(Role.ADMIN), Callers.member(withId))) {
            mvc.perform(get("/api/members/{id}", withId).with(reader)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.nationalId").value("001185012345"));
        }
        for (var reader : List.of(Callers.reviewerFor(body), Callers.with(Role.EVALUATOR))) {
            mvc.perform(get("/api/members/{id}", withId).with(reader)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.nationalId").doesNotExist());
        }
        // lists as well, each member as the caller may read them
        String listed = "$[?(@.id == '" + withId + "')].nationalId";
        mvc.perform(get("/api/organizations/{id}/members", tree.chapterB).with(secretaryOfCommittee))
                .andExpect(status().isOk()).andExpect(jsonPath(listed).value("001185012345"));
        mvc.perform(get("/api/organizations/{id}/members", tree.chapterB).with(Callers.reviewerFor(body)))
                .andExpect(status().isOk()).andExpect(jsonPath(listed).isEmpty());
    }

    @Test
    void evaluatorsSeeEverythingButChangeNothingAndAdministratorsMayDoBoth() throws Exception {
        mvc.perform(get("/api/members/{id}", outside).with(Callers.with(Role.EVALUATOR))).andExpect(status().isOk());
        mvc.perform(post("/api/members/{id}/suspend", outside).with(Callers.with(Role.EVALUATOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2024-01-01\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/members/{id}/suspend", outside).with(Callers.with(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"2024-01-01\",\"reason\":\"Vi phạm\",\"decision\":\"09-QĐ/ĐU\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUSPENDED"));
    }

    @Test
    void coordinatingBodiesAreDataThatAdministratorsAdd() throws Exception {
        mvc.perform(post("/api/coordinating-bodies").with(Callers.with(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"BD-%s\",\"name\":\"Ban Dân vận\",\"mayCommentOn\":[\"%s\"]}"
                                .formatted(tree.prefix, tree.committee)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mayCommentOn[0]").value(tree.committee.toString()));
        mvc.perform(post("/api/coordinating-bodies").with(secretaryOfA()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"BX-%s\",\"name\":\"X\",\"mayCommentOn\":[\"%s\"]}"
                                .formatted(tree.prefix, tree.chapterA)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/coordinating-bodies").with(Callers.with(Role.REVIEWER))).andExpect(status().isOk());
    }
}
