package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The forms of the pages: each change goes through the facade, in scope, and a refusal comes back readable. */
@OrganizationsModuleTest
class OrganizationPagesTests {

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
    void aCommitteePageShowsItsSubtreesMembersAPageAtATimeAndTakesARoleHolderByCardNumber() throws Exception {
        var secretary = Callers.secretaryOf(tree.committee);
        for (int i = 0; i < 55; i++) {
            tree.admit(i % 2 == 0 ? tree.chapterA : tree.chapterB, "Trần", "Văn", "Số" + i);
        }
        String first = mvc.perform(get("/organizations/{id}", tree.committee).with(secretary)
                        .header("Accept-Language", "vi"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int total = members.list(tree.committee, true, null).size();
        assertThat(total).isGreaterThanOrEqualTo(55);
        assertThat(first).contains("id=\"members-page\">Trang 1 / " + ((total + 49) / 50) + "<")
                .contains("id=\"members-next\"");
        assertThat(first.split("data-card=").length - 1).as("one page of rows").isEqualTo(50);
        // the page read from the database is the same slice of the roll, in the same order, as the whole roll
        java.util.List<MemberSummary> whole = members.list(tree.committee, true, null);
        assertThat(members.count(tree.committee, true, null)).isEqualTo(whole.size());
        MemberSearch second = members.roll(tree.committee, true, null, 2, 50);
        assertThat(second.total()).isEqualTo(whole.size());
        assertThat(second.members()).containsExactlyElementsOf(whole.subList(50, Math.min(100, whole.size())));
        assertThat(first.indexOf("data-card=\"" + whole.get(0).cardNumber() + "\""))
                .as("the first page starts with the roll's first member")
                .isLessThan(first.indexOf("data-card=\"" + whole.get(1).cardNumber() + "\"")).isPositive();
        assertThat(members.roll(tree.committee, true, null, 99, 50).page()).as("past the end: the last page")
                .isEqualTo((whole.size() + 49) / 50);
        String last = mvc.perform(get("/organizations/{id}", tree.committee).param("page", "99").with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(last.split("data-card=").length - 1).as("a page past the end shows the last")
                .isEqualTo(total - 50 * ((total - 1) / 50));

        // the role form may name the member by card number; one outside the committee's subtree is refused
        MemberSummary chosen = members.list(tree.committee, true, null).get(0);
        mvc.perform(post("/organizations/{id}/roles", tree.committee).with(secretary).with(csrf())
                        .param("cardNumber", " " + chosen.cardNumber() + " ").param("role", "COMMITTEE_MEMBER")
                        .param("from", "05/01/2024"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(organizations.roles(tree.committee, null)).anySatisfy(r -> {
            assertThat(r.member()).isEqualTo(chosen.id());
            assertThat(r.from()).isEqualTo(LocalDate.of(2024, 1, 5));
        });
        mvc.perform(post("/organizations/{id}/roles", tree.committee).with(secretary).with(csrf())
                        .param("cardNumber", "0000000000").param("role", "COMMITTEE_MEMBER").param("from", "05/01/2024"))
                .andExpect(flash().attributeExists("formError"));
    }

    @Test
    void aSecretaryRecordsAMemberAssignsARoleAndChangesAStatusFromThePages() throws Exception {
        var secretary = Callers.secretaryOf(tree.committee);
        mvc.perform(get("/organizations/{id}", tree.chapterA).with(secretary))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("admit-form")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/dissolve"))));
        String card = tree.nextCard();
        mvc.perform(post("/organizations/{id}/members", tree.chapterA).with(secretary).with(csrf())
                        .param("cardNumber", card).param("familyName", "Ngô").param("middleName", "Thị")
                        .param("givenName", "Yến").param("bornOn", "1992-03-04").param("sex", "FEMALE")
                        .param("admittedOn", "2020-02-03").param("civilServant", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        MemberSummary member = members.findByCard(card).orElseThrow();
        assertThat(member.probationary()).isTrue();

        mvc.perform(post("/organizations/{id}/roles", tree.committee).with(secretary).with(csrf())
                        .param("memberId", member.id().toString()).param("role", "DEPUTY_SECRETARY")
                        .param("from", "2024-01-01"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(organizations.roles(tree.committee, null)).extracting(RoleAssignment::member)
                .contains(member.id());

        // a change is confirmed first: the page names the member and the effect, and nothing is written yet
        mvc.perform(post("/members/{id}/status", member.id()).with(secretary).with(csrf())
                        .header("Accept-Language", "vi").param("change", "CONFIRM").param("on", "2021-02-03"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Ngô Thị Yến (số thẻ " + card + ")")))
                .andExpect(content().string(Matchers.containsString("03/02/2021")));
        assertThat(members.find(member.id()).orElseThrow().probationary()).isTrue();
        mvc.perform(post("/members/{id}/status", member.id()).with(secretary).with(csrf())
                        .param("change", "CONFIRM").param("on", "2021-02-03").param("confirmed", "true"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(members.find(member.id()).orElseThrow().probationary()).isFalse();

        mvc.perform(post("/members/{id}/correct", member.id()).with(secretary).with(csrf())
                        .param("familyName", "Ngô").param("middleName", "Thị Hải").param("givenName", "Yến")
                        .param("bornOn", "1992-03-04").param("sex", "FEMALE").param("civilServant", "true"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(members.find(member.id()).orElseThrow().fullName()).isEqualTo("Ngô Thị Hải Yến");

        // a refusal: confirmed before admitted, in the user's language, nothing written
        String other = tree.nextCard();
        mvc.perform(post("/organizations/{id}/members", tree.chapterA).with(secretary).with(csrf())
                        .header("Accept-Language", "vi")
                        .param("cardNumber", other).param("familyName", "Ngô").param("givenName", "Tú")
                        .param("bornOn", "1992-03-04").param("sex", "MALE").param("admittedOn", "2020-02-03")
                        .param("confirmedOn", "2019-01-01"))
                .andExpect(redirectedUrl("/organizations/" + tree.chapterA))
                // the reason goes back to the form it came from, in the user's language, with what was typed
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.allOf(
                        Matchers.containsString("admit-form"), Matchers.containsString("ngày chính thức")))))
                .andExpect(flash().attribute("formValues", Matchers.hasEntry("cardNumber", other)));
        assertThat(members.findByCard(other)).isEmpty();

        // outside the scope: refused before anything happens
        mvc.perform(post("/organizations/{id}/members", tree.elsewhere).with(secretary).with(csrf())
                        .param("cardNumber", tree.nextCard()).param("familyName", "A").param("givenName", "B")
                        .param("bornOn", "1990-01-01").param("sex", "MALE").param("admittedOn", "2015-01-01"))
                .andExpect(status().isForbidden());
        assertThat(members.list(tree.elsewhere, false, null)).isEmpty();
    }

    @Test
    void anAdministratorMovesRenamesPlacesInAnAgencyAndDissolvesFromThePages() throws Exception {
        var admin = Callers.with(Role.ADMIN);
        mvc.perform(post("/organizations/{id}/move", tree.chapterB).with(admin).with(csrf())
                        .param("parentId", tree.chapterB.toString()).param("on", "2024-01-01")
                        .param("confirmed", "true"))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.containsString("move-form"))));
        mvc.perform(post("/organizations/{id}/rename", tree.chapterB).with(admin).with(csrf())
                        .param("name", "Chi bộ Thanh tra - Pháp chế").param("on", "2024-01-01"))
                .andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/organizations/{id}/agency", tree.committee).with(admin).with(csrf())
                        .param("code", tree.prefix).param("name", "Sở Thử nghiệm").param("headName", "Trần Văn Giám"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(organizations.find(tree.committee).orElseThrow().agencyHead()).isEqualTo("Trần Văn Giám");
        mvc.perform(post("/organizations/{id}/dissolve", tree.chapterB).with(admin).with(csrf())
                        .param("on", "2025-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("confirm-submit")));
        assertThat(organizations.find(tree.chapterB).orElseThrow().dissolved()).isFalse();
        mvc.perform(post("/organizations/{id}/dissolve", tree.chapterB).with(admin).with(csrf())
                        .param("on", "2025-01-01").param("confirmed", "true"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(organizations.find(tree.chapterB).orElseThrow().dissolvedOn()).isEqualTo(LocalDate.of(2025, 1, 1));
        mvc.perform(post("/organizations/{id}/dissolve", tree.chapterA).with(Callers.secretaryOf(tree.chapterA)).with(csrf()).param("on", "2025-01-01"))
                .andExpect(status().isForbidden());
    }
}
