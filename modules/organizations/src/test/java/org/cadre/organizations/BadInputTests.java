package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear problem that names the record and the field, and nothing is written. */
@OrganizationsModuleTest
class BadInputTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    TestTree tree;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
    }

    @Test
    void aDuplicateCardNumberIsRefusedNamingTheCard() throws Exception {
        MemberId first = tree.admit(tree.chapterA, "Nguyễn", "Văn", "Hùng");
        String card = members.find(first).orElseThrow().cardNumber();
        String body = """
                {"cardNumber":"%s","familyName":"Lê","middleName":"Thị","givenName":"Mai","bornOn":"1990-01-01",
                 "sex":"FEMALE","organizationId":"%s","admittedOn":"2015-01-01","civilServant":true}
                """.formatted(card, tree.chapterB);
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).header("Accept-Language", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("card-taken"))
                .andExpect(jsonPath("$.field").value("cardNumber"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(card)));
        assertThat(members.list(tree.chapterB, false, null)).isEmpty();
    }

    @Test
    void anUnknownIdIsANotFoundProblemOnEveryPath() throws Exception {
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/api/members/" + unknown, "/api/members/" + unknown + "/history",
                "/api/organizations/" + unknown, "/api/organizations/" + unknown + "/history",
                "/api/organizations/" + unknown + "/roles", "/api/organizations/" + unknown + "/members")) {
            mvc.perform(get(path).with(Callers.with(Role.ADMIN)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(unknown.toString())));
        }
    }

    @Test
    void aMemberCannotBePlacedInADissolvedOrganization() throws Exception {
        organizations.dissolve(tree.chapterB, new DatedChange(LocalDate.of(2020, 1, 1), null));
        assertThatThrownBy(() -> tree.admit(tree.chapterB, "Phan", "Văn", "Long"))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.TARGET_DISSOLVED));
        MemberId member = tree.admit(tree.chapterA, "Phan", "Văn", "Long");
        assertThatThrownBy(() -> members.transfer(member, new TransferMember(tree.chapterB.value(),
                LocalDate.of(2021, 1, 1)))).isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.TARGET_DISSOLVED));
        assertThat(members.find(member).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
    }

    @Test
    void aMoveThatWouldMakeACycleIsRefused() throws Exception {
        mvc.perform(post("/api/organizations/{id}/move", tree.committee).with(Callers.with(Role.ADMIN))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":\"" + tree.chapterA + "\",\"on\":\"2024-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("move-cycle"))
                .andExpect(jsonPath("$.field").value("parentId"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot be placed under")));
        assertThat(organizations.find(tree.committee).orElseThrow().parentId()).isNull();
        assertThat(organizations.history(tree.committee)).hasSize(1);
    }

    @Test
    void datesOutOfOrderAreRefused() throws Exception {
        String body = """
                {"cardNumber":"%s","familyName":"Lê","middleName":"Thị","givenName":"Mai","bornOn":"1990-01-01",
                 "sex":"FEMALE","organizationId":"%s","admittedOn":"2015-01-01","confirmedOn":"2014-01-01",
                 "civilServant":true}
                """.formatted(tree.nextCard(), tree.chapterA);
        mvc.perform(post("/api/members").with(Callers.with(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("confirmed-before-admitted"))
                .andExpect(jsonPath("$.field").value("confirmedOn"));
        assertThat(members.list(tree.chapterA, false, null)).isEmpty();
        MemberId member = tree.admit(tree.chapterA, "Lê", "Thị", "Mai");
        assertThatThrownBy(() -> members.transfer(member, new TransferMember(tree.chapterB.value(),
                LocalDate.of(2009, 1, 1)))).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.DATE_BEFORE_CURRENT));
    }

    @Test
    void aLeaveDatedBeforeTheLatestTransferIsRefusedAndNothingChanges() throws Exception {
        MemberId member = tree.admit(tree.chapterA, "Ninh", "Văn", "Phúc");
        members.transfer(member, new TransferMember(tree.chapterB.value(), LocalDate.of(2022, 2, 1)));
        String card = members.find(member).orElseThrow().cardNumber();
        var history = members.history(member);
        mvc.perform(post("/api/members/{id}/end", member).with(Callers.with(Role.ADMIN))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"how\":\"LEFT\",\"on\":\"2021-01-01\",\"reason\":\"Xin ra\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("date-before-period"))
                .andExpect(jsonPath("$.field").value("on"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(card)))
                // dates in messages are written the way the pages write them
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("01/01/2021")));
        MemberSummary after = members.find(member).orElseThrow();
        assertThat(after.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(after.organizationId()).isEqualTo(tree.chapterB);
        assertThat(members.history(member)).isEqualTo(history);
    }

    @Test
    void aTransferOrLeaveDatedBeforeTheStartOfAHeldRoleIsRefused() throws Exception {
        MemberId member = tree.admit(tree.chapterA, "Ninh", "Thị", "Hạnh");
        organizations.assignRole(tree.chapterA,
                new AssignRole(member.value(), OrganizationRole.SECRETARY, LocalDate.of(2023, 1, 1)));
        mvc.perform(post("/api/members/{id}/transfer", member).with(Callers.with(Role.ADMIN))
                        .header("Accept-Language", "vi").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationId\":\"" + tree.chapterB + "\",\"on\":\"2022-06-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("date-before-period"))
                .andExpect(jsonPath("$.field").value("on"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Ninh Thị Hạnh")));
        assertThatThrownBy(() -> members.end(member, new EndMembership(MemberStatus.LEFT, LocalDate.of(2022, 6, 1),
                null))).isInstanceOfSatisfying(Refused.class,
                e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.DATE_BEFORE_PERIOD));
        MemberSummary after = members.find(member).orElseThrow();
        assertThat(after.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(after.organizationId()).isEqualTo(tree.chapterA);
        assertThat(organizations.roles(tree.chapterA, null)).allMatch(r -> r.until() == null);
    }
}
