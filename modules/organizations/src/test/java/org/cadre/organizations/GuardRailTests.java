package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Caller;
import org.cadre.platform.Refused;
import org.cadre.platform.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Forms that cannot do harm by accident, and mistakes that can be undone: nothing chosen beforehand, a future
 * date refused, discipline with its grounds, a confirmation before the change; a transfer, a status change and a
 * role recorded by mistake cancelled by their recorder (or an administrator), kept in the history as cancelled,
 * announced by an event.
 */
@OrganizationsModuleTest
class GuardRailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Clock clock;

    TestTree tree;

    @BeforeEach
    void tree() {
        tree = new TestTree(organizations, members);
    }

    @Test
    void nothingIsChosenForTheUserAndSavingWithoutChoosingIsAFieldError() throws Exception {
        MemberId id = tree.admit(tree.chapterA, "Lê", "Văn", "Chọn");
        var secretary = Callers.secretaryOf(tree.committee);
        String page = mvc.perform(get("/members/{id}", id).with(secretary).header("Accept-Language", "vi"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<option value=\"\">— Chọn tổ chức đảng chuyển đến —</option>")
                .contains("<option value=\"\">— Chọn thay đổi —</option>")
                // pickers name the parent: forty chapters share a short name
                .contains("Chi bộ Thanh tra " + tree.prefix + " – Đảng bộ Sở Thử nghiệm " + tree.prefix)
                // a full member who is active is offered neither a confirmation nor a reinstatement
                .doesNotContain("value=\"CONFIRM\"").doesNotContain("value=\"REINSTATE\"");
        assertThat(select(page, "organizationId")).doesNotContain("selected");
        assertThat(select(page, "change")).doesNotContain("selected");

        mvc.perform(post("/members/{id}/transfer", id).with(secretary).with(csrf()).header("Accept-Language", "vi")
                        .param("organizationId", "").param("on", "2024-01-01").param("confirmed", "true"))
                .andExpect(redirectedUrl("/members/" + id))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.allOf(
                        Matchers.containsString("transfer-form"), Matchers.containsString("organizationId"),
                        Matchers.containsString("Tổ chức đảng chuyển đến")))));
        mvc.perform(post("/members/{id}/status", id).with(secretary).with(csrf())
                        .param("change", "").param("on", "2024-01-01").param("confirmed", "true"))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.containsString("change"))));
        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
        assertThat(members.find(id).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void aDateThatHasNotComeOrCannotBeReadIsRefusedAndNothingChanges() throws Exception {
        MemberId id = tree.admit(tree.chapterA, "Lê", "Văn", "Mai");
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        assertThatThrownBy(() -> members.transfer(id, new TransferMember(tree.chapterB.value(), tomorrow)))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.DATE_IN_FUTURE));
        var secretary = Callers.secretaryOf(tree.committee);
        mvc.perform(post("/members/{id}/transfer", id).with(secretary).with(csrf())
                        .param("organizationId", tree.chapterB.toString()).param("on", tomorrow.toString()))
                .andExpect(flash().attribute("formError", Matchers.hasToString(Matchers.containsString("on"))));
        mvc.perform(post("/members/{id}/transfer", id).with(secretary).with(csrf())
                        .param("organizationId", tree.chapterB.toString()).param("on", "10000-01-01"))
                .andExpect(redirectedUrl("/members/" + id)).andExpect(flash().attributeExists("formError"));
        mvc.perform(post("/api/members/{id}/transfer", id).with(secretary).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organizationId\":\"" + tree.chapterB + "\",\"on\":\"+10000-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                // a year no one means is refused as out of range before the domain sees it (Dates, 1900 to 2200)
                .andExpect(jsonPath("$.reason").value("date-out-of-range")).andExpect(jsonPath("$.field").value("on"));
        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
    }

    @Test
    void aSuspensionTakesItsReasonAndDecisionAndIsConfirmedFirst() throws Exception {
        MemberId id = tree.admit(tree.chapterA, "Lê", "Văn", "Kỷ");
        var secretary = Callers.secretaryOf(tree.committee);
        mvc.perform(post("/members/{id}/status", id).with(secretary).with(csrf()).header("Accept-Language", "vi")
                        .param("change", "SUSPEND").param("on", "2024-03-01").param("reason", "Vi phạm"))
                .andExpect(flash().attribute("formError", Matchers.hasToString(
                        Matchers.containsString("cần số quyết định"))));
        mvc.perform(post("/members/{id}/status", id).with(secretary).with(csrf()).header("Accept-Language", "vi")
                        .param("change", "SUSPEND").param("on", "2024-03-01").param("reason", "Vi phạm")
                        .param("decision", "15-QĐ/ĐU"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Đình chỉ sinh hoạt, có hiệu lực từ ngày 01/03/2024")))
                .andExpect(content().string(Matchers.containsString("Quyết định số 15-QĐ/ĐU")))
                .andExpect(content().string(Matchers.containsString("class=\"danger\"")));
        assertThat(members.find(id).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        mvc.perform(post("/members/{id}/status", id).with(secretary).with(csrf()).param("change", "SUSPEND")
                .param("on", "2024-03-01").param("reason", "Vi phạm").param("decision", "15-QĐ/ĐU")
                .param("confirmed", "true")).andExpect(flash().attributeExists("notice"));
        assertThat(members.history(id)).filteredOn(h -> h.what().equals("STATUS") && h.latest())
                .singleElement().satisfies(h -> {
                    assertThat(h.decision()).isEqualTo("15-QĐ/ĐU");
                    assertThat(h.recordedBy()).isEqualTo("u-secretary");
                });
    }

    @Test
    void aTransferRecordedByMistakeIsCancelledByTheSecretaryWhoRecordedItFromTheChapterTheyKeep(Scenario scenario)
            throws Exception {
        MemberId id = tree.admit(tree.chapterA, "Huỳnh", "Thị", "Nhầm");
        HeldAssignment role = new HeldAssignment(organizations.assignRole(tree.chapterA,
                new AssignRole(id.value(), OrganizationRole.COMMITTEE_MEMBER, LocalDate.of(2020, 1, 1))));
        var secretary = Callers.secretaryOf(tree.chapterA);
        mvc.perform(post("/members/{id}/transfer", id).with(secretary).with(csrf())
                        .param("organizationId", tree.elsewhere.toString()).param("on", "2024-06-01")
                        .param("confirmed", "true"))
                .andExpect(redirectedUrl("/organizations/" + tree.chapterA));
        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.elsewhere);
        assertThat(organizations.roles(tree.chapterA, LocalDate.now(clock))).isEmpty();

        // out of the secretary's scope now, but still in sight on the chapter's page, with date and destination
        mvc.perform(get("/organizations/{id}", tree.chapterA).with(secretary).header("Accept-Language", "vi"))
                .andExpect(content().string(Matchers.containsString("transfers-out")))
                .andExpect(content().string(Matchers.containsString("01/06/2024")))
                .andExpect(content().string(Matchers.containsString("Chi bộ cơ sở Khác " + tree.prefix)));
        assertThat(members.transfersOut(tree.chapterA, true)).singleElement().satisfies(t -> {
            assertThat(t.member()).isEqualTo(id);
            assertThat(t.to()).isEqualTo(tree.elsewhere);
            assertThat(t.latest()).isTrue();
        });

        // another secretary of the chapter did not record it
        mvc.perform(post("/organizations/{id}/transfers/{m}/cancel", tree.chapterA, id)
                        .with(Callers.as(Caller.of("u-other", Role.SECRETARY).withOrganizationScope(tree.chapterA.value())))
                        .with(csrf()).param("reason", "nhầm").param("confirmed", "true"))
                .andExpect(status().isForbidden());
        // a reason is required
        mvc.perform(post("/organizations/{id}/transfers/{m}/cancel", tree.chapterA, id).with(secretary).with(csrf())
                        .param("reason", " ").param("confirmed", "true"))
                .andExpect(flash().attributeExists("formError"));
        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.elsewhere);

        scenario.stimulate(() -> {
            try {
                mvc.perform(post("/organizations/{id}/transfers/{m}/cancel", tree.chapterA, id).with(secretary)
                        .with(csrf()).param("reason", "Chọn nhầm chi bộ").param("confirmed", "true"))
                        .andExpect(flash().attributeExists("notice"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).andWaitForEventOfType(MemberTransferCancelled.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.from()).isEqualTo(tree.chapterA);
                    assertThat(e.to()).isEqualTo(tree.elsewhere);
                    assertThat(e.reason()).isEqualTo("Chọn nhầm chi bộ");
                });

        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.chapterA);
        assertThat(members.list(tree.chapterA, false, null)).extracting(MemberSummary::id).contains(id);
        assertThat(members.list(tree.elsewhere, false, null)).isEmpty();
        // the role the transfer had ended is held again
        assertThat(organizations.roles(tree.chapterA, LocalDate.now(clock))).extracting(RoleAssignment::id)
                .containsExactly(role.id());
        assertThat(members.transfersOut(tree.chapterA, true)).isEmpty();
        // the history keeps the entry, marked cancelled: who, when, why
        assertThat(members.history(id)).filteredOn(HistoryEntry::cancelled).singleElement().satisfies(h -> {
            assertThat(h.value()).isEqualTo("Chi bộ cơ sở Khác " + tree.prefix);
            assertThat(h.cancelledBy()).isEqualTo("u-secretary");
            assertThat(h.cancelReason()).isEqualTo("Chọn nhầm chi bộ");
            assertThat(h.cancelledOn()).isEqualTo(LocalDate.now(clock));
        });
        // nothing left to cancel; the same transfer may be recorded again, correctly
        assertThatThrownBy(() -> members.cancelTransfer(id, new CancelChange("lần nữa"), admin()))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.NOTHING_TO_CANCEL));
        members.transfer(id, new TransferMember(tree.chapterB.value(), LocalDate.of(2024, 6, 1)));
        assertThat(members.find(id).orElseThrow().organizationId()).isEqualTo(tree.chapterB);
    }

    @Test
    void aStatusChangeAndARoleRecordedByMistakeAreCancelledAndAnnounced(Scenario scenario) {
        MemberId id = tree.admit(tree.chapterA, "Phan", "Văn", "Sửa");
        members.exempt(id, new DatedChange(LocalDate.of(2023, 1, 1), "Sức khỏe"));
        scenario.stimulate(() -> members.cancelStatusChange(id, new CancelChange("Nhầm đảng viên"), admin()))
                .andWaitForEventOfType(MemberStatusChangeCancelled.class).matching(e -> e.member().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.cancelled()).isEqualTo(MemberStatus.EXEMPT);
                    assertThat(e.restored()).isEqualTo(MemberStatus.ACTIVE);
                });
        assertThat(members.find(id).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(members.history(id)).filteredOn(h -> h.what().equals("STATUS")).extracting(HistoryEntry::value,
                HistoryEntry::cancelled).containsExactly(org.assertj.core.groups.Tuple.tuple("ACTIVE", false),
                org.assertj.core.groups.Tuple.tuple("EXEMPT", true));
        assertThatThrownBy(() -> members.cancelStatusChange(id, new CancelChange("lần nữa"), admin()))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.NOTHING_TO_CANCEL));

        // off the rolls by mistake: back on them
        members.end(id, new EndMembership(MemberStatus.DECEASED, LocalDate.of(2024, 2, 2), "nhầm"));
        members.cancelStatusChange(id, new CancelChange("Nhầm hồ sơ"), admin());
        assertThat(members.list(tree.chapterA, false, null)).extracting(MemberSummary::id).contains(id);

        var assignment = organizations.assignRole(tree.chapterA,
                new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2024, 5, 1)));
        scenario.stimulate(() -> organizations.cancelRole(tree.chapterA, assignment, new CancelChange("Nhầm người"),
                        admin()))
                .andWaitForEventOfType(RoleCancelled.class).matching(e -> e.assignment().equals(assignment))
                .toArriveAndVerify(e -> assertThat(e.role()).isEqualTo(OrganizationRole.SECRETARY));
        assertThat(organizations.roles(tree.chapterA, null)).isEmpty();
        // recorded without a user (here, by the test): only an administrator may cancel it
        var again = organizations.assignRole(tree.chapterA,
                new AssignRole(id.value(), OrganizationRole.SECRETARY, LocalDate.of(2024, 5, 1)));
        assertThatThrownBy(() -> organizations.cancelRole(tree.chapterA, again, new CancelChange("nhầm"),
                Caller.of("u-secretary", Role.SECRETARY).withOrganizationScope(tree.chapterA.value())))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(OrganizationRefusal.CANCEL_NOT_YOURS));
    }

    @Test
    void rolesComeInProtocolOrderAndACommitteeCountsAndListsTheMembersOfItsSubtree() throws Exception {
        MemberId a = tree.admit(tree.chapterA, "Vũ", "Văn", "Một");
        MemberId b = tree.admit(tree.chapterB, "Vũ", "Văn", "Hai");
        MemberId c = tree.admit(tree.chapterB, "Vũ", "Văn", "Ba");
        LocalDate from = LocalDate.of(2021, 1, 1);
        organizations.assignRole(tree.committee, new AssignRole(c.value(), OrganizationRole.AGENCY_HEAD, from));
        organizations.assignRole(tree.committee, new AssignRole(b.value(), OrganizationRole.DEPUTY_SECRETARY, from));
        organizations.assignRole(tree.committee, new AssignRole(a.value(), OrganizationRole.COMMITTEE_MEMBER, from));
        organizations.assignRole(tree.committee, new AssignRole(c.value(), OrganizationRole.SECRETARY, from));
        assertThat(organizations.roles(tree.committee, null)).extracting(RoleAssignment::role).containsExactly(
                OrganizationRole.SECRETARY, OrganizationRole.DEPUTY_SECRETARY, OrganizationRole.COMMITTEE_MEMBER,
                OrganizationRole.AGENCY_HEAD);

        String page = mvc.perform(get("/organizations/{id}", tree.committee).with(Callers.with(Role.ADMIN))
                .header("Accept-Language", "vi")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Đảng viên toàn đảng bộ (3)").contains("Vũ Văn Hai")
                .contains("Chi bộ Thanh tra " + tree.prefix + " – Đảng bộ Sở Thử nghiệm " + tree.prefix)
                // a committee records no member itself: no form to record one
                .doesNotContain("admit-form");
        assertThat(page.indexOf("Bí thư")).isLessThan(page.indexOf("Phó Bí thư"));
        assertThat(page.indexOf("Phó Bí thư")).isLessThan(page.indexOf("Cấp ủy viên"));
        assertThat(page.indexOf("Cấp ủy viên")).isLessThan(page.indexOf("Thủ trưởng cơ quan"));
    }

    private static String select(String page, String id) {
        int start = page.indexOf("<select id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</select>", start));
    }

    private static Caller admin() {
        return Caller.of("u-admin", Role.ADMIN);
    }

    private record HeldAssignment(java.util.UUID id) {
    }

}
