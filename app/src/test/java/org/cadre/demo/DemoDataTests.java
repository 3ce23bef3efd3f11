package org.cadre.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.cadre.organizations.BlocCounts;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The first start fills an empty database with the bloc of the source article, the same from the same seed. */
@CadreTest
class DemoDataTests {

    @Autowired
    Organizations organizations;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstStartGeneratesTheBlocOfTheArticle() {
        BlocCounts counts = organizations.counts();
        assertThat(counts.grassroots()).isEqualTo(74);
        assertThat(counts.chapters()).isBetween(230, 270);
        // a few transfers move members between chapters; nobody leaves the bloc
        assertThat(counts.members()).isEqualTo(3_600);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.member WHERE confirmed_on IS NULL")
                .query(Integer.class).single()).as("probationary").isBetween(20, 200);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.member WHERE status = 'EXEMPT'")
                .query(Integer.class).single()).as("exempt for age").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.role_period WHERE role = 'SECRETARY'")
                .query(Integer.class).single()).as("secretaries").isGreaterThanOrEqualTo(250);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.membership_period WHERE valid_to IS NOT NULL")
                .query(Integer.class).single()).as("transfers").isPositive();
        assertThat(organizations.coordinatingBodies()).hasSizeGreaterThanOrEqualTo(3);
        // consistent history: no organization founded before the one above it
        assertThat(jdbc.sql("""
                SELECT count(*) FROM organizations.organization o JOIN organizations.organization p ON p.id = o.parent_id
                WHERE o.established_on < p.established_on""").query(Integer.class).single())
                .as("organizations founded before their parent").isZero();
        // a party committee's current leaders (secretary, deputy, agency head) do not all sit in one chapter
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (
                  SELECT r.organization_id FROM organizations.role_period r
                  JOIN organizations.organization o ON o.id = r.organization_id AND o.kind = 'GRASSROOTS_COMMITTEE'
                  JOIN organizations.membership_period m ON m.member_id = r.member_id AND m.valid_to IS NULL
                  WHERE r.valid_to IS NULL
                  GROUP BY r.organization_id HAVING count(DISTINCT r.member_id) >= 2
                     AND count(DISTINCT m.organization_id) = 1) leaders_in_one_chapter""")
                .query(Integer.class).single()).as("committees whose leaders all sit in one chapter").isZero();
    }

    @Test
    void theHomePageShowsTheBlocWithThePageInTheReadersNumberFormat() throws Exception {
        var member = authentication(new CallerAuthentication(Caller.of("u", Role.MEMBER)));
        mvc.perform(get("/").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"count-grassroots\">74<")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"count-members\">3.600<")));
        mvc.perform(get("/").param("lang", "en").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"count-members\">3,600<")));
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
        assertThat(digest(2017)).isEqualTo(digest(2017)).isNotEqualTo(digest(2018));
    }

    @Test
    void writingInRangesGivesTheSameRowsAsWritingEverything() {
        BlocGenerator generator = new BlocGenerator(2017, Scale.SEED);
        List<String> whole = new ArrayList<>();
        generator.write(recording(row -> whole.add(new String(row, StandardCharsets.UTF_8))));
        List<String> parts = new ArrayList<>();
        generator.write(recording(row -> parts.add(new String(row, StandardCharsets.UTF_8))), 0, 30);
        generator.write(recording(row -> parts.add(new String(row, StandardCharsets.UTF_8))), 30, 74);
        // the batches interleave agencies, organizations and members differently; the rows are the same
        assertThat(parts).hasSize(whole.size()).containsExactlyInAnyOrderElementsOf(whole);
        assertThat(whole).hasSize(74 + 287 + 3_600); // agencies, organizations (seed 2017), members
    }

    private static String digest(long seed) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        new BlocGenerator(seed, Scale.SEED).write(recording(digest::update));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static BulkLoad.Sink recording(Consumer<byte[]> out) {
        return new BulkLoad.Sink() {
            @Override
            public void agency(UUID id, String code, String name, String headName) {
                out.accept((id + code + name + headName).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void organization(UUID id, String code, String name, OrganizationKind kind, UUID parentId,
                    LocalDate establishedOn, UUID agencyId) {
                out.accept((id + code + name + kind + parentId + establishedOn + agencyId)
                        .getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void member(BulkLoad.Member member) {
                out.accept(member.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
