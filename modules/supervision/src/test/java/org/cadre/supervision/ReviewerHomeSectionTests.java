package org.cadre.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.AddCoordinatingBody;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reviewer lands on the home page and finds the requests for comments sent to their body that wait for an answer,
 * each linking to its form on the reviewer's page; answered, a request leaves the home page. Other roles get no
 * such section, and a reviewer of another body does not see these requests.
 */
@SupervisionModuleTest
class ReviewerHomeSectionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Feedback feedback;
    @Autowired
    Clock clock;

    Fixture f;
    LocalDate today;
    UUID body;
    UUID other;

    @BeforeEach
    void tree() {
        today = LocalDate.now(clock);
        f = new Fixture(organizations, members, today);
        body = organizations.addCoordinatingBody(new AddCoordinatingBody("BTC-" + f.tree.prefix,
                "Ban Tổ chức " + f.tree.prefix, List.of(f.tree.chapterA.value())));
        other = organizations.addCoordinatingBody(new AddCoordinatingBody("BDV-" + f.tree.prefix,
                "Ban Dân vận " + f.tree.prefix, List.of(f.tree.chapterB.value())));
    }

    @Test
    void aReviewerSeesWhatTheirBodyIsAskedUntilTheyAnswerIt() throws Exception {
        Caller reviewer = Caller.of("u-reviewer", Role.REVIEWER).withCoordinatingBody(body);
        assertThat(home(reviewer, "vi")).contains("id=\"reviewer-home\"").contains("id=\"reviewer-home-none\"")
                .contains("Ban Tổ chức " + f.tree.prefix + ": 0 đề nghị chưa trả lời");

        UUID request = feedback.request(new RequestFeedback(f.tree.committee.value(), today.getYear(), List.of(body),
                today.plusDays(10), "Góp ý cuối năm"), f.secretary()).get(0);
        String vi = home(reviewer, "vi");
        assertThat(vi).contains(": 1 đề nghị chưa trả lời")
                .contains("href=\"/supervision/reviewer#request-" + request + "\"")
                .contains("Hạn " + String.format("%02d/%02d/%d", today.plusDays(10).getDayOfMonth(),
                        today.plusDays(10).getMonthValue(), today.plusDays(10).getYear()));
        assertThat(home(reviewer, "en")).contains("Comments requested of you").contains("1 request(s) not answered");
        // the link leads to the request's own form on the reviewer's page
        assertThat(page("/supervision/reviewer", reviewer)).contains("id=\"request-" + request + "\"");
        // a reviewer of another body does not see it
        assertThat(home(Caller.of("u-other", Role.REVIEWER).withCoordinatingBody(other), "vi"))
                .doesNotContain("request-" + request).contains(": 0 đề nghị chưa trả lời");

        feedback.comment(new GiveFeedback(request, f.tree.chapterA.value(), null, today.getYear(), Stance.POSITIVE,
                "Đồng ý"), reviewer);
        assertThat(home(reviewer, "vi")).doesNotContain("request-" + request).contains("id=\"reviewer-home-none\"");
    }

    @Test
    void noReviewerSectionForOtherRolesNorForABodyThatIsGone() throws Exception {
        assertThat(home(f.secretary(), "vi")).doesNotContain("reviewer-home");
        assertThat(home(Caller.of("u-staff", Role.EVALUATOR), "vi")).doesNotContain("reviewer-home");
        // an account still pointing at a body that no longer exists gets the home page, without the section
        assertThat(home(Caller.of("u-gone", Role.REVIEWER).withCoordinatingBody(UUID.randomUUID()), "vi"))
                .doesNotContain("reviewer-home");
    }

    private String home(Caller caller, String lang) throws Exception {
        return mvc.perform(get("/").param("lang", lang).with(authentication(new CallerAuthentication(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String path, Caller caller) throws Exception {
        return mvc.perform(get(path).with(authentication(new CallerAuthentication(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
