package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.CallerAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The board of a large subtree, 50 members a page, with the counts of the whole subtree. */
@CommitmentsModuleTest
class BoardPagingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    Clock clock;

    Fixture f;

    @BeforeEach
    void fiftyThreeMembers() {
        f = new Fixture(organizations, members, study, clock);
        for (int i = 0; i < 52; i++) {
            f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "Thành " + (char) ('A' + i / 26) + (char) ('a' + i % 26));
        }
        f.tree.admit(f.tree.chapterB, "Trần", "Thị", "Bình");
        f.open();
    }

    String board(int page) throws Exception {
        return mvc.perform(get("/commitments/board").param("campaign", f.campaign.toString())
                        .param("organization", f.tree.committee.toString()).param("page", String.valueOf(page))
                        .with(authentication(new CallerAuthentication(Fixture.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static int rows(String html) {
        return html.split("data-member=", -1).length - 1;
    }

    @Test
    void theBoardListsFiftyAPageAndCountsTheWholeSubtree() throws Exception {
        String first = board(1);
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("id=\"page-next\"").doesNotContain("id=\"page-previous\"")
                .contains("Trang 1 / 2").contains("1–50 trong tổng số 53");
        // the roll-up line counts all 53 who must study, not the page
        assertThat(first).containsPattern("id=\"board-rollup\">[^<]*0/53");
        // a chapter-sized subtree: the session's attendance lists all 53, not the page
        assertThat(first).contains("id=\"session-form\"").doesNotContain("id=\"session-hint\"");
        assertThat(first.split("name=\"attendees\"", -1).length - 1).isEqualTo(53);

        String second = board(2);
        assertThat(rows(second)).isEqualTo(3);
        assertThat(second).contains("id=\"page-previous\"").doesNotContain("id=\"page-next\"")
                .contains("51–53 trong tổng số 53");
        // a page past the end is the last one
        assertThat(rows(board(9))).isEqualTo(3);
    }

    @Test
    void thePagesTogetherAreTheWholeListInItsOrder() {
        List<MemberId> paged = new ArrayList<>();
        DutyPage page = study.duties(f.campaign, f.tree.committee, 1, 20);
        paged.addAll(page.rows().stream().map(DutyView::member).toList());
        while (page.hasNext()) {
            page = study.duties(f.campaign, f.tree.committee, page.page() + 1, 20);
            paged.addAll(page.rows().stream().map(DutyView::member).toList());
        }
        assertThat(page.pages()).isEqualTo(3);
        assertThat(page.total()).isEqualTo(53);
        assertThat(paged).containsExactlyElementsOf(study.duties(f.campaign, f.tree.committee).stream()
                .map(DutyView::member).toList());
    }
}
