package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A member lands on the home page and sees their register: its year, its status and what is left to do, as a link;
 * a member without a register and a secretary see no commitments section.
 */
@CommitmentsModuleTest
class HomeSectionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;
    MemberId binh;

    @BeforeEach
    void campaign() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        binh = f.tree.admit(f.tree.chapterB, "Trần", "Thị", "Bình");
        f.open();
    }

    @Test
    void aMemberSeesTheirDraftRegisterAsSomethingToSendInBothLanguages() throws Exception {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), List.of(new ItemDraft(
                "Giải quyết hồ sơ đúng hạn", null, null, java.time.LocalDate.of(f.year, 3, 28), 100))),
                Fixture.member(an));

        String vi = home(Fixture.member(an), "vi");
        assertThat(vi).contains("id=\"commitments-home\"").contains("href=\"/commitments/registers/" + register + "\"")
                .contains("Năm " + f.year).contains("Đang soạn").contains("1 nội dung, đã thực hiện 0%")
                .contains("Cần hoàn thiện và gửi chi bộ duyệt");
        assertThat(home(Fixture.member(an), "en")).contains("My commitments").contains("1 item(s), 0% done")
                .contains("To complete and send to the chapter");

        registers.submit(register, Fixture.member(an));
        assertThat(home(Fixture.member(an), "vi")).contains("Đã gửi, chờ duyệt")
                .doesNotContain("Cần hoàn thiện và gửi chi bộ duyệt");
    }

    @Test
    void noSectionForAMemberWithoutARegisterNorForASecretary() throws Exception {
        assertThat(home(Fixture.member(binh), "vi")).doesNotContain("commitments-home");
        assertThat(home(f.secretary(), "vi")).doesNotContain("commitments-home");
    }

    private String home(Caller caller, String lang) throws Exception {
        return mvc.perform(get("/").param("lang", lang).with(CommitmentPagesTests.as(caller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
