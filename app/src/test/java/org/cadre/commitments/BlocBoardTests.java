package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An administrator's board for the whole demo bloc (2,315 members listed in 2017): one page of 50, the counts of
 * the whole bloc, and the time it takes (it listed every member at once and took about 3 s).
 */
@CadreTest
class BlocBoardTests {

    private static final Logger log = LoggerFactory.getLogger(BlocBoardTests.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theBlocsBoardIsAPageOfFiftyWithTheWholeBlocsCounts() throws Exception {
        int listed = jdbc.sql("""
                SELECT count(*) FROM commitments.duty d JOIN commitments.campaign c ON c.id = d.campaign_id
                WHERE c.year = 2017""").query(Integer.class).single();
        assertThat(listed).as("the demo year").isGreaterThan(2_000);
        var admin = authentication(new CallerAuthentication(Caller.of("u-admin", Role.ADMIN)));
        mvc.perform(get("/commitments/board").with(admin)).andExpect(status().isOk());
        long started = System.nanoTime();
        String page = mvc.perform(get("/commitments/board").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("The bloc's board, page 1 of {} members: {} ms", listed, millis);
        assertThat(page.split("data-member=", -1).length - 1).isEqualTo(50);
        assertThat(page).contains("1–50 trong tổng số " + String.format("%,d", listed).replace(',', '.'))
                .contains("id=\"page-next\"").contains("id=\"session-hint\"");
        assertThat(millis).as("one page of the bloc's board, ms").isLessThan(2_000);
    }
}
