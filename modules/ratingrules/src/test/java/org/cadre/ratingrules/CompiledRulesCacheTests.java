package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.cadre.ratingrules.facts.Proposal;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The compiled pack cache in the database ({@code ratingrules.compiled_rules}): the start-up and every validation
 * store their builds by checksum; a row that cannot be used, whatever is wrong with it, costs a compile and is
 * replaced, never an activation or an evaluation.
 */
@RatingRulesModuleTest
class CompiledRulesCacheTests {

    @Autowired
    RulePackRegistry registry;
    @Autowired
    RatingRules rules;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStartUpPacksAreCachedByChecksum() {
        PackVersion startup = registry.version("test-startup", 1);
        assertThat(jdbc.sql("SELECT count(*) FROM ratingrules.compiled_rules WHERE checksum = ? AND pack_id = ?")
                .params(startup.checksum(), "test-startup").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCorruptRowIsCompiledAgainAndReplaced() throws Exception {
        TestPack pack = TestPacks.fresh();
        PackVersion stored = registry.upload(pack.zip(), "test");
        assertThat(row(stored.checksum())).as("the validation's build is cached").isNotNull();

        byte[] garbage = "PK not a jar at all".getBytes(StandardCharsets.UTF_8);
        // one row whose digest no longer matches, one whose digest was forged to match
        for (String digest : List.of("0".repeat(64), sha256(garbage))) {
            jdbc.sql("UPDATE ratingrules.compiled_rules SET module = ?, module_sha256 = ? WHERE checksum = ?")
                    .params(garbage, digest, stored.checksum()).update();
            registry.activate(pack.id(), 1, "test");
            assertThat(rules.evaluate(pack.year(), Proposal.Subject.MEMBER,
                    List.of(TestPacks.member("m1", 10, 10, "GOOD"))).rating("m1").orElseThrow().level())
                    .isEqualTo("PASS");
            byte[] replaced = row(stored.checksum());
            assertThat(replaced).as("a sound build replaced the row").isNotEqualTo(garbage);
            assertThat(new String(replaced, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
            registry.retire(pack.id(), 1, "test");
        }
    }

    @Test
    void aChangedVersionGetsARowOfItsOwn() {
        TestPack pack = TestPacks.fresh();
        PackVersion v1 = registry.upload(pack.zip(), "test");
        PackFiles files = pack.files();
        TestPack v2 = pack.version(2).withText("rules.drl", files.text("rules.drl") + "\n// version 2\n");
        PackVersion stored2 = registry.upload(v2.zip(), "test");
        assertThat(stored2.checksum()).isNotEqualTo(v1.checksum());
        assertThat(row(v1.checksum())).isNotNull();
        assertThat(row(stored2.checksum())).isNotNull().isNotEqualTo(row(v1.checksum()));
    }

    private byte[] row(String checksum) {
        return jdbc.sql("SELECT module FROM ratingrules.compiled_rules WHERE checksum = ?").param(checksum)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
