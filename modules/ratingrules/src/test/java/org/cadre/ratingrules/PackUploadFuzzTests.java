package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.testing.Background;
import org.cadre.platform.testing.Bounded;
import org.cadre.platform.testing.Fuzz;
import org.cadre.platform.testing.Gen;
import org.cadre.platform.testing.RowCounts;
import org.cadre.ratingrules.engine.PackValidator;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rule-pack upload, fuzzed through its API: a valid pack whose YAML and DRL are cut, spliced with odd text or
 * lose lines, with entries added under hostile names (path traversal, absolute, NUL, very long, scripts), with
 * XLSX decision tables that are no tables or no workbooks, and zips with damaged bytes. Whatever comes in: never a
 * 500, an answer within {@link #LIMIT}, and either a stored version or a problem detail whose problems each name
 * a file; a refusal before validation writes nothing, and a pack refused by validation is kept as an invalid,
 * inactive draft and never served. Each limit of the upload is hit once.
 */
@RatingRulesModuleTest
class PackUploadFuzzTests {

    static final Duration LIMIT = Duration.ofSeconds(60);
    /** Refused uploads are audited too: the one table a refusal writes to (its line is checked where it matters). */
    static final String AUDIT = "ratingrules.audit_entry";

    final RequestPostProcessor admin = authentication(new CallerAuthentication(Caller.of("fuzz-admin",
            Role.RULE_ADMIN)));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** One change to a pack's entries; {@code at} and {@code to} are fractions of the text or the entry list. */
    record Mutation(Kind kind, double at, double to, String text) {
        @Override
        public String toString() {
            return kind + "(" + at + ".." + to + ", "
                    + (text.length() > 40 ? text.length() + " chars" : "'" + text + "'") + ")";
        }
    }

    enum Kind { SPLICE, CUT, DROP_LINE, ADD_ENTRY, DROP_ENTRY, XLSX, DAMAGE_BYTES }

    /** One to three changes, most often to a file's text. */
    static List<Mutation> mutations(Gen gen) {
        return gen.list(1, 3, () -> new Mutation(Kind.values()[gen.weighted(4, 3, 3, 2, 1, 1, 1)], gen.fraction(),
                gen.fraction(), text(gen)));
    }

    static String text(Gen gen) {
        return switch (gen.between(0, 2)) {
            case 0 -> gen.anyString(30);
            case 1 -> gen.pick("\u0000", "\uD800", "\u202E", "{", "}", "[", "]", ": :", "- ", "&a *a", "!!binary",
                    "!!java.lang.Runtime", "<<: *x", "\t", "end", "rule \"x\" when then end", "when", "then",
                    "System.exit(0);", "import java.io.File;", "eval(true)", "\\u0022", "\"\"\"", "#", "//",
                    "/*", "version: 99999999999999999999", "years: { from: 0 }", "year: 10000",
                    "../../etc/passwd", "/etc/passwd.yaml", "C:\\x.drl", "a\\..\\..\\b.drl", "x\u0000.drl",
                    "run.sh", "Rules.DRL", "scenarios/../../x.yaml", "ĐĐ.yaml", "x".repeat(300) + ".drl");
            default -> gen.longString(1_000, 60_000);
        };
    }

    @Test
    void aMutatedPackIsStoredOrRefusedNamingTheFileAndNothingHalfWritten() {
        Fuzz.check(100, PackUploadFuzzTests::mutations, this::uploadMutated);
    }

    private String uploadMutated(List<Mutation> mutations) throws Exception {
        // uploads are stored by jobs: a job of the try before still finishing would move the counts
        Background.awaitIdle(jdbc);
        TestPacks.TestPack pack = TestPacks.fresh();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String path : pack.files().paths()) {
            entries.put(path, pack.files().bytes(path));
        }
        List<Mutation> onBytes = new ArrayList<>();
        for (Mutation m : mutations) {
            if (m.kind() == Kind.DAMAGE_BYTES) {
                onBytes.add(m);
            } else {
                mutate(entries, m);
            }
        }
        byte[] zip = zip(entries);
        for (Mutation m : onBytes) {
            int i = (int) (m.at() * (zip.length - 1));
            zip[i] ^= (byte) (1 + m.text().length() % 255);
        }
        Map<String, Long> before = RowCounts.of(jdbc, "ratingrules");
        MockHttpServletResponse response = upload(zip);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        int status = response.getStatus();
        assertThat(status).as(body).isLessThan(500).isNotEqualTo(202);
        if (status == 201) {
            return "stored";
        }
        assertThat(response.getContentType()).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String reason = JsonPath.read(body, "$.reason");
        assertThat(JsonPath.<String>read(body, "$.detail")).as(body).isNotBlank().doesNotContain("problemDetail.");
        boolean reported = body.contains("\"report\"");
        if (reported) {
            // the refusal names a file: a problem found in one, or a scenario of one that failed
            List<Map<String, Object>> problems = JsonPath.read(body, "$.report.problems");
            List<Map<String, Object>> failed = body.contains("\"scenarios\"")
                    ? JsonPath.read(body, "$.report.scenarios[?(@.passed == false)]") : List.of();
            assertThat(problems.size() + failed.size()).as("problems or failed scenarios: " + body).isPositive();
            assertThat(problems).as(body).allSatisfy(problem -> {
                assertThat(String.valueOf(problem.get("message"))).as(body).isNotBlank();
                assertThat(problem.get("file")).as(body).isNotNull();
            });
            assertThat(failed).as(body).allSatisfy(scenario -> assertThat(scenario.get("file")).as(body).isNotNull());
        }
        if (body.contains("\"problems\"")) {
            List<String> problems = JsonPath.read(body, "$.problems");
            // empty only beside a report, which then names the file (a failed scenario has no problem line)
            assertThat(problems).as(body).allSatisfy(problem -> assertThat(problem).isNotBlank());
            if (!reported) {
                assertThat(problems).as(body).isNotEmpty();
            }
        }
        checkNothingHalfWritten(pack.id(), body, before);
        return reason;
    }

    /**
     * A pack refused by validation is kept as a draft to edit: whole, invalid and inactive, so nothing of it is
     * ever served. Any other refusal writes nothing but its line in the audit.
     */
    private void checkNothingHalfWritten(String packId, String body, Map<String, Long> before) throws Exception {
        if (body.contains("\"draftVersion\"")) {
            int version = JsonPath.read(body, "$.draftVersion");
            String stored = mvc.perform(get("/api/rule-packs/{id}/versions/{v}", packId, version).with(admin))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(JsonPath.<Boolean>read(stored, "$.valid")).as(stored).isFalse();
            assertThat(JsonPath.<String>read(stored, "$.state")).as(stored).isNotEqualTo("ACTIVE");
        } else {
            Map<String, Long> after = RowCounts.of(jdbc, "ratingrules");
            after.remove(AUDIT);
            Map<String, Long> expected = new LinkedHashMap<>(before);
            expected.remove(AUDIT);
            assertThat(after).as("nothing written").isEqualTo(expected);
        }
    }

    private static void mutate(Map<String, byte[]> entries, Mutation m) throws Exception {
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.isEmpty() ? "pack.yaml" : names.get((int) (m.at() * (names.size() - 1)));
        String text = entries.containsKey(name) ? new String(entries.get(name), StandardCharsets.UTF_8) : "";
        int a = (int) (Math.min(m.at(), m.to()) * text.length());
        int b = (int) (Math.max(m.at(), m.to()) * text.length());
        switch (m.kind()) {
            case SPLICE -> entries.put(name, (text.substring(0, b) + m.text() + text.substring(b))
                    .getBytes(StandardCharsets.UTF_8));
            case CUT -> entries.put(name, (text.substring(0, a) + text.substring(b))
                    .getBytes(StandardCharsets.UTF_8));
            case DROP_LINE -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                lines.remove((int) (m.to() * (lines.size() - 1)));
                entries.put(name, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            }
            // as UTF-8 can carry it (a zip writer cannot encode a lone surrogate)
            case ADD_ENTRY -> entries.put(m.text().isEmpty() ? "empty.drl"
                    : new String(m.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    "rule \"x\" when then end".getBytes(StandardCharsets.UTF_8));
            case DROP_ENTRY -> entries.remove(name);
            case XLSX -> entries.put("table.xlsx", m.at() < 0.5 ? oddWorkbook(m.text())
                    : m.text().getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(m.kind().name());
        }
    }

    /** A workbook that looks like a decision table at first sight, with odd text in its cells. */
    private static byte[] oddWorkbook(String odd) throws Exception {
        String text = odd.length() > 32_767 ? odd.substring(0, 32_767) : odd;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Rules");
            String[][] cells = {{"RuleSet", "rules.test.twolevel"}, {"Import", "org.cadre.ratingrules.facts.*"},
                    {}, {"RuleTable Odd"}, {"CONDITION", "ACTION"}, {"$m : MemberFacts", ""},
                    {"meetingsAttended > $param", text},
                    {"", ""}, {text.isEmpty() ? "1" : text, "x"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c + 1).setCellValue(cells[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    // ---- the limits, each once ---------------------------------------------------------------------------------

    /** Found by a long fuzz run: the refusal's audit line quoted the name, and PostgreSQL refused its NUL (500). */
    @Test
    void anEntryNamedWithANulIsRefusedAndAudited() throws Exception {
        TestPacks.TestPack pack = TestPacks.fresh();
        Map<String, byte[]> entries = new LinkedHashMap<>(pack.files().asMap());
        entries.put("\u0000", "x".getBytes(StandardCharsets.UTF_8));
        String body = refusedWithNothingWritten(pack.id(), zip(entries), null);
        assertThat(body).contains("\\u0000");
        // the refusal is audited, the NUL written as its visible escape
        assertThat(jdbc.sql("SELECT count(*) FROM ratingrules.audit_entry WHERE actor = 'fuzz-admin'"
                + " AND action = 'UPLOAD_REFUSED' AND strpos(detail, ?) > 0").param("\\u0000")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void aZipOverTheSizeLimitIsRefusedSayingTheLimit() throws Exception {
        byte[] zip = new byte[(int) PackFiles.MAX_ZIP_BYTES + 1];
        new Random(1).nextBytes(zip);
        refusedWithNothingWritten("none", zip, "too-large");
    }

    @Test
    void anEntryOverTheFileLimitIsRefusedNamingIt() throws Exception {
        TestPacks.TestPack pack = TestPacks.fresh();
        Map<String, byte[]> entries = new LinkedHashMap<>(pack.files().asMap());
        byte[] big = new byte[(int) PackFiles.MAX_FILE_BYTES + 1];
        Random random = new Random(2);
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + random.nextInt(26));
        }
        entries.put("big.md", big);
        String body = refusedWithNothingWritten(pack.id(), zip(entries), null);
        assertThat(body).contains("big.md");
    }

    @Test
    void moreEntriesThanTheLimitAreRefused() throws Exception {
        TestPacks.TestPack pack = TestPacks.fresh();
        Map<String, byte[]> entries = new LinkedHashMap<>(pack.files().asMap());
        for (int i = 0; i <= PackFiles.MAX_ENTRIES; i++) {
            entries.put("notes/" + i + ".md", new byte[] {'x'});
        }
        refusedWithNothingWritten(pack.id(), zip(entries), null);
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        TestPacks.TestPack pack = TestPacks.fresh();
        Map<String, byte[]> entries = new LinkedHashMap<>(pack.files().asMap());
        // 50 MB of zeros, about 50 KB zipped
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("bomb.md", new byte[50 * 1024 * 1024]);
        entries.putAll(bomb);
        String body = refusedWithNothingWritten(pack.id(), zip(entries), null);
        assertThat(body).contains("bomb.md");
    }

    @Test
    void moreRulesThanTheLimitAreRefusedBeforeCompiling() throws Exception {
        TestPacks.TestPack pack = TestPacks.fresh();
        StringBuilder drl = new StringBuilder("package rules.test.twolevel;\nimport org.cadre.ratingrules.facts.*;\n");
        for (int i = 0; i <= PackValidator.MAX_RULES; i++) {
            drl.append("rule \"R").append(i).append("\" @id(\"R").append(i)
                    .append("\") @criterion(\"x\") @article(\"y\")\nwhen\n  MemberFacts( )\nthen\nend\n");
        }
        long started = System.nanoTime();
        MockHttpServletResponse response = upload(pack.withText("many.drl", drl.toString()).zip());
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(422);
        assertThat(body).contains(String.valueOf(PackValidator.MAX_RULES));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    private String refusedWithNothingWritten(String packId, byte[] zip, String reason) throws Exception {
        Background.awaitIdle(jdbc);
        Map<String, Long> before = RowCounts.of(jdbc, "ratingrules");
        MockHttpServletResponse response = upload(zip);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(400, 499);
        assertThat(response.getContentType()).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<String>read(body, "$.detail")).as(body).isNotBlank();
        if (reason != null) {
            assertThat(JsonPath.<String>read(body, "$.reason")).as(body).isEqualTo(reason);
        }
        checkNothingHalfWritten(packId, body, before);
        return body;
    }

    private MockHttpServletResponse upload(byte[] zip) throws Exception {
        return Bounded.within(LIMIT, () -> mvc.perform(post("/api/rule-packs").with(admin)
                .header("Accept-Language", "vi").contentType("application/zip").content(zip))
                .andReturn().getResponse());
    }

    /** Writes the entries as they are named, hostile names included (a zip writer does not check them). */
    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
