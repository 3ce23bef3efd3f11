package org.cadre.ratingrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.pack.PackFiles;
import org.cadre.ratingrules.testing.TestPacks.TestPack;
import org.cadre.ratingrules.testing.TestPacks;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The rule pack API: upload, edit, validate, activate, roll back, diff, audit, evaluate; bad input refused. */
@RatingRulesModuleTest
class RulePackApiTests {

    @Autowired
    MockMvc mvc;
    /** Calls as a rule administrator and as evaluation staff, signed in the way identity signs users in. */
    final RequestPostProcessor admin = authentication(new CallerAuthentication(Caller.of("rule-admin", Role.RULE_ADMIN)));
    final RequestPostProcessor evaluator = authentication(new CallerAuthentication(Caller.of("evaluator",
            Role.EVALUATOR)));

    @Test
    void editingAParameterThroughTheApiChangesTheNextRatingWithoutARestart() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(1));
        String member = memberJson(pack.year(), 7);
        evaluate(member).andExpect(status().isOk())
                .andExpect(jsonPath("$.packVersion").value(1))
                .andExpect(jsonPath("$.ratings[0].level").value("FAIL"));

        mvc.perform(post("/api/rule-packs/{id}/versions/1/parameters", pack.id()).queryParam("activate", "true")
                        .with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minAttendance\": 0.6}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.source").value("PARAMETERS"))
                .andExpect(jsonPath("$.state").value("ACTIVE"));

        evaluate(member).andExpect(status().isOk())
                .andExpect(jsonPath("$.packVersion").value(2))
                .andExpect(jsonPath("$.ratings[0].level").value("PASS"))
                .andExpect(jsonPath("$.ratings[0].reasons[0].ruleId").value("T-PASS"))
                .andExpect(jsonPath("$.ratings[0].reasons[0].article").value("TEST-01, 2"));

        mvc.perform(get("/api/rule-packs/{id}/diff", pack.id()).queryParam("from", "1").queryParam("to", "2")
                        .with(evaluator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters[0].name").value("minAttendance"))
                .andExpect(jsonPath("$.parameters[0].before").value("0.8"))
                .andExpect(jsonPath("$.parameters[0].after").value("0.6"))
                .andExpect(jsonPath("$.files[?(@.path == 'parameters.yaml')].change").value("ADDED"))
                .andExpect(jsonPath("$.files[?(@.path == 'pack.yaml')].change").value("CHANGED"));

        // roll back: the old threshold serves again
        mvc.perform(post("/api/rule-packs/{id}/rollback", pack.id()).queryParam("to", "1")
                        .with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACTIVE"));
        evaluate(member).andExpect(jsonPath("$.packVersion").value(1))
                .andExpect(jsonPath("$.ratings[0].level").value("FAIL"));

        mvc.perform(get("/api/rule-packs/{id}/audit", pack.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", Matchers.hasItems("UPLOAD", "ACTIVATE", "PARAMETERS", "RETIRE",
                        "ROLLBACK")))
                .andExpect(jsonPath("$[0].actor").value("rule-admin"));
    }

    @Test
    void anUploadPreferringAsyncIsAcceptedAndItsJobReportsProgressAndTheVersion() throws Exception {
        TestPack pack = TestPacks.fresh();
        String job = mvc.perform(post("/api/rule-packs").queryParam("activate", "true").header("Prefer", "respond-async")
                        .with(admin).contentType("application/zip").content(pack.zip()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", Matchers.startsWith("/api/rule-packs/jobs/")))
                .andReturn().getResponse().getHeader("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get(job).with(admin))
                .andReturn().getResponse().getContentAsString().contains("\"SUCCEEDED\""));
        mvc.perform(get(job).with(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.percent").value(100))
                // the checks, the compilation, then each of the test pack's two scenarios
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.result.version").value(1))
                .andExpect(jsonPath("$.result.state").value("ACTIVE"))
                .andExpect(jsonPath("$.result.valid").value(true));
        // the job is its owner's: an evaluator (or anyone else) gets a 404
        mvc.perform(get(job).with(evaluator)).andExpect(status().isForbidden());
        mvc.perform(get(job).with(authentication(new CallerAuthentication(Caller.of("other", Role.RULE_ADMIN)))))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyPathOfAnUnknownPackIsANotFoundProblem() throws Exception {
        String unknown = "khong-co-" + System.nanoTime();
        for (String path : List.of("/api/rule-packs/" + unknown + "/versions", "/api/rule-packs/" + unknown + "/audit",
                "/api/rule-packs/" + unknown + "/versions/1", "/api/rule-packs/" + unknown + "/versions/1/files",
                "/api/rule-packs/" + unknown + "/versions/1/rules",
                "/api/rule-packs/" + unknown + "/diff?from=1&to=2")) {
            mvc.perform(get(path).with(evaluator))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(unknown)));
        }
    }

    @Test
    void aParameterOutsideItsRangeIsRefused() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated());
        mvc.perform(post("/api/rule-packs/{id}/versions/1/parameters", pack.id())
                        .with(admin).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"minAttendance\": 1.5}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("invalid-parameters"))
                .andExpect(jsonPath("$.problems[0]").value(
                        "parameters.yaml: minAttendance: 1.5 is outside the allowed range [0, 1]"));
        // a share above the whole, and one that is no share: refused by name, in the reader's language
        mvc.perform(post("/api/rule-packs/{id}/versions/1/parameters", pack.id())
                        .with(admin).header("Accept-Language", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"passShare\": \"150%\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0]", Matchers.startsWith("parameters.yaml: passShare: '150%' is outside")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("nằm ngoài khoảng 0 đến 100%")));
        mvc.perform(post("/api/rule-packs/{id}/versions/1/parameters", pack.id())
                        .with(admin).contentType(MediaType.APPLICATION_JSON).content("{\"passShare\": \"một nửa\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0]", Matchers.containsString("write a fraction (1/3)")));
        // an exact share is taken as written, and the active version kept serving throughout
        mvc.perform(post("/api/rule-packs/{id}/versions/1/parameters", pack.id())
                        .with(admin).contentType(MediaType.APPLICATION_JSON).content("{\"passShare\": \"2/3\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/rule-packs/{id}/versions/2/parameters", pack.id()).with(admin))
                .andExpect(jsonPath("$[?(@.name == 'passShare')].value").value("2/3"))
                .andExpect(jsonPath("$[?(@.name == 'passShare')].type").value("share"));
        evaluate(memberJson(pack.year(), 9)).andExpect(status().isOk()).andExpect(jsonPath("$.packVersion").value(1));
    }

    @Test
    void badInputIsRefusedAndTheActiveVersionKeepsServing() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated());
        String member = memberJson(pack.year(), 9);

        // a DRL syntax error through the editor: stored as a draft, refused with file and line
        mvc.perform(put("/api/rule-packs/{id}/versions/1/files/rules.drl", pack.id())
                        .with(admin).header("Accept-Language", "en")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(pack.files().text("rules.drl").replace("$p.qualify(\"PASS\");", "$p.qualify(\"PASS\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("invalid-pack"))
                .andExpect(jsonPath("$.draftVersion").value(2))
                .andExpect(jsonPath("$.problems[0]", Matchers.startsWith("rules.drl:")));
        // a forbidden import in an upload
        TestPack evil = pack.version(3).withText("evil.drl",
                "package x;\nimport org.cadre.ratingrules.facts.*;\nimport java.nio.file.Files;\n");
        upload(evil.zip(), true).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0]").value("evil.drl:3: import of 'java.nio.file.Files' is not allowed: "
                        + "a pack may import only org.cadre.ratingrules.facts.*"));
        // a path traversal
        upload(BadPackInputTests.zip("pack.yaml", "x", "../evil.drl", "x"), false)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("unsafe-upload"));
        // a zip bomb
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bomb)) {
            out.putNextEntry(new java.util.zip.ZipEntry("pack.yaml"));
            out.write(new byte[8 * 1024 * 1024]);
            out.closeEntry();
        }
        upload(bomb.toByteArray(), true).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("unsafe-upload"))
                .andExpect(jsonPath("$.problems[0]", Matchers.containsString("inflates beyond the limit")));
        // a decision table with overlapping rows, through the file API
        mvc.perform(put("/api/rule-packs/{id}/versions/1/files/attendance.xlsx", pack.id())
                        .with(admin).contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(DecisionTableTests.table(true, 8, 6, 10)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0]", Matchers.containsString("rows 10 and 11 can match the same input")));
        // a draft cannot be activated
        mvc.perform(post("/api/rule-packs/{id}/versions/2/activate", pack.id())
                        .with(admin))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("not-validated"));
        // an existing version number
        upload(pack.zip(), false).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("version-exists"));
        mvc.perform(get("/api/rule-packs/{id}/versions", pack.id()).with(admin))
                .andExpect(jsonPath("$[?(@.version == 3)].state").value("DRAFT"));

        evaluate(member).andExpect(status().isOk()).andExpect(jsonPath("$.packVersion").value(1))
                .andExpect(jsonPath("$.ratings[0].level").value("PASS"));
    }

    @Test
    void anOversizedRawUploadIsRefusedWith413AndTheActiveVersionKeepsServing() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated());
        upload(new byte[(int) PackFiles.MAX_ZIP_BYTES + 1], true)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("too-large"))
                .andExpect(jsonPath("$.detail", Matchers.containsString(String.valueOf(PackFiles.MAX_ZIP_BYTES))));
        mvc.perform(put("/api/rule-packs/{id}/versions/1/files/big.md", pack.id()).queryParam("activate", "true")
                        .with(admin).header("Accept-Language", "en")
                        .contentType(MediaType.TEXT_PLAIN).content(new byte[(int) PackFiles.MAX_FILE_BYTES + 1]))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.reason").value("too-large"))
                .andExpect(jsonPath("$.detail", Matchers.containsString(String.valueOf(PackFiles.MAX_FILE_BYTES))));
        mvc.perform(get("/api/rule-packs/{id}/versions", pack.id()).with(admin))
                .andExpect(jsonPath("$.length()").value(1));
        evaluate(memberJson(pack.year(), 9)).andExpect(status().isOk()).andExpect(jsonPath("$.packVersion").value(1))
                .andExpect(jsonPath("$.ratings[0].level").value("PASS"));
    }

    @Test
    void aRollbackThatFailsIsNotAudited() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated());
        upload(pack.version(2).zip(), true).andExpect(status().isCreated());
        mvc.perform(post("/api/rule-packs/{id}/versions/2/retire", pack.id()).with(admin))
                .andExpect(status().isOk());
        // another pack now serves the year: rolling back to version 1 must be refused, and not audited
        TestPack rival = TestPacks.fresh();
        TestPack sameYear = rival.withText("pack.yaml", rival.files().text("pack.yaml").replace(
                        "from: " + rival.year() + ", to: " + rival.year(), "from: " + pack.year() + ", to: " + pack.year()))
                .withText("scenarios/quota.yaml", rival.files().text("scenarios/quota.yaml")
                        .replace("year: " + rival.year(), "year: " + pack.year()))
                .withText("scenarios/pass-and-fail.yaml", rival.files().text("scenarios/pass-and-fail.yaml")
                        .replace("year: " + rival.year(), "year: " + pack.year()));
        upload(sameYear.zip(), true).andExpect(status().isCreated());
        mvc.perform(post("/api/rule-packs/{id}/rollback", pack.id()).queryParam("to", "1")
                        .with(admin))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("years-taken"));
        mvc.perform(get("/api/rule-packs/{id}/audit", pack.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", Matchers.hasItems("UPLOAD", "ACTIVATE", "RETIRE")))
                .andExpect(jsonPath("$[*].action", Matchers.not(Matchers.hasItem("ROLLBACK"))));
        mvc.perform(get("/api/rule-packs/{id}/versions", pack.id()).with(admin))
                .andExpect(jsonPath("$[?(@.version == 1)].state").value("RETIRED"));
    }

    @Test
    void membersAndOrganizationsRatedByDifferentPacksAreRefusedTogether() throws Exception {
        // one pack rates the year's members, another its organizations
        TestPack memberPack = TestPacks.fresh();
        memberPack = memberPack.withText("pack.yaml", memberPack.files().text("pack.yaml")
                        .replace("subjects: [MEMBER, ORGANIZATION]", "subjects: [MEMBER]"))
                .withText("scenarios/pass-and-fail.yaml", memberPack.files().text("scenarios/pass-and-fail.yaml")
                        .replace("organizations:\n  - id: c1\n    facts: { subOrganizationCount: 0, kind: CHAPTER, grassrootsOrganizationId: g1 }\n",
                                "")
                        .replace("  - { subject: c1, level: PASS, reasons: [T-ORG] }\n", ""));
        int year = memberPack.year();
        TestPack rival = TestPacks.fresh();
        String manifest = rival.files().text("pack.yaml")
                .replace("from: " + rival.year() + ", to: " + rival.year(), "from: " + year + ", to: " + year)
                .replace("subjects: [MEMBER, ORGANIZATION]", "subjects: [ORGANIZATION]")
                .replaceAll("(?m)^criteria:\n.*\n", "")
                .replaceAll("(?s)\nquotas:.*", "\n");
        String organizationScenario = """
                name: "T-ORG: an organization with no member to rate"
                year: %d
                organizations:
                  - id: c1
                    facts: { kind: CHAPTER, grassrootsOrganizationId: g1, memberCount: 0, subOrganizationCount: 0 }
                expect:
                  - { subject: c1, level: PASS, reasons: [T-ORG] }
                """.formatted(year);
        TestPack organizationPack = new TestPack(rival.id(), year, rival.files()
                .withText("pack.yaml", manifest).without("scenarios/quota.yaml")
                .withText("scenarios/pass-and-fail.yaml", organizationScenario));
        upload(memberPack.zip(), true).andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("ACTIVE"));
        upload(organizationPack.zip(), true).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("ACTIVE"));

        String both = """
                {"year": %d, "members": [{"subjectId": "m1", "organizationId": "c1", "grassrootsOrganizationId": "g1",
                  "meetingsRequired": 10, "meetingsAttended": 9, "criterionLevels": {"WORK": "GOOD"}}],
                 "organizations": [{"subjectId": "c1", "kind": "CHAPTER", "grassrootsOrganizationId": "g1"}]}
                """.formatted(year);
        mvc.perform(post("/api/rule-packs/evaluate").with(evaluator)
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(both))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("packs-differ"))
                .andExpect(jsonPath("$.detail", Matchers.containsString(memberPack.id())))
                .andExpect(jsonPath("$.detail", Matchers.containsString(organizationPack.id())));
        // each alone is rated by its own pack
        evaluate(memberJson(year, 9)).andExpect(status().isOk()).andExpect(jsonPath("$.packId").value(memberPack.id()));
        evaluate("""
                {"year": %d, "organizations": [{"subjectId": "c1", "kind": "CHAPTER", "grassrootsOrganizationId": "g1"}]}
                """.formatted(year)).andExpect(status().isOk())
                .andExpect(jsonPath("$.packId").value(organizationPack.id()));
    }

    @Test
    void editingARuleAndItsScenarioTogetherMakesOneValidVersion() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated());
        String rules = pack.files().text("rules.drl").replace("@id(\"T-PASS\")", "@id(\"T-PASS-2\")");
        String scenario = pack.files().text("scenarios/pass-and-fail.yaml").replace("[T-PASS]", "[T-PASS-2]");

        // one file alone leaves the scenario naming the old id: an invalid draft
        mvc.perform(put("/api/rule-packs/{id}/versions/1/files/rules.drl", pack.id()).with(admin)
                        .contentType(MediaType.TEXT_PLAIN).content(rules))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.draftVersion").value(2));
        // both files in one request: one new version, validated as a whole, activated
        mvc.perform(multipart("/api/rule-packs/{id}/versions/1/files", pack.id())
                        .file(new MockMultipartFile("rules.drl", "rules.drl", "text/plain",
                                rules.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("scenarios/pass-and-fail.yaml", "pass-and-fail.yaml",
                                "text/yaml", scenario.getBytes(StandardCharsets.UTF_8)))
                        .queryParam("activate", "true").with(admin))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.basedOn").value(1))
                .andExpect(jsonPath("$.state").value("ACTIVE"));
        evaluate(memberJson(pack.year(), 9)).andExpect(jsonPath("$.packVersion").value(3))
                .andExpect(jsonPath("$.ratings[0].reasons[0].ruleId").value("T-PASS-2"))
                .andExpect(jsonPath("$.ratings[0].levelLabel.vi").value("Đạt"))
                .andExpect(jsonPath("$.ratings[0].levelLabel.en").value("Pass"));

        // a path that leaves the pack, among good ones, refuses the whole edit
        mvc.perform(multipart("/api/rule-packs/{id}/versions/3/files", pack.id())
                        .file(new MockMultipartFile("rules.drl", "rules.drl", "text/plain",
                                rules.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("../evil.drl", "evil.drl", "text/plain", new byte[] {'x'}))
                        .with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("file-path"));
        mvc.perform(get("/api/rule-packs/{id}/versions", pack.id()).with(admin))
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void theDetailOfAnInvalidPackListsItsProblemsInTheReadersLanguage() throws Exception {
        TestPack evil = TestPacks.fresh().withText("evil.drl",
                "package x;\nimport org.cadre.ratingrules.facts.*;\nimport java.nio.file.Files;\n");
        mvc.perform(post("/api/rule-packs").with(admin).header("Accept-Language", "vi")
                        .contentType("application/zip").content(evil.zip()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString(
                        "evil.drl:3: Không được import \"java.nio.file.Files\"")))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("is not allowed"))));
        TestPack failing = TestPacks.fresh();
        failing = failing.withText("scenarios/quota.yaml", failing.files().text("scenarios/quota.yaml")
                .replace("excess: 2", "excess: 3"));
        mvc.perform(post("/api/rule-packs").with(admin).header("Accept-Language", "vi")
                        .contentType("application/zip").content(failing.zip()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", Matchers.containsString("scenarios/quota.yaml: kịch bản")))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("failed"))));
    }

    @Test
    void anUnknownFactAndATakenYearAreRefused() throws Exception {
        TestPack pack = TestPacks.fresh();
        upload(pack.zip(), true).andExpect(status().isCreated());
        evaluate("{\"year\": " + pack.year() + ", \"members\": [{\"subjectId\": \"m\", \"meetingsAtended\": 3}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("fact-unknown"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("members[0].meetingsAtended")));

        // another pack for the same year cannot be active at the same time
        TestPack rival = TestPacks.fresh();
        String manifest = rival.files().text("pack.yaml").replace("from: " + rival.year() + ", to: " + rival.year(),
                "from: " + pack.year() + ", to: " + pack.year());
        TestPack sameYear = new TestPack(rival.id(), pack.year(), rival.files()
                .withText("pack.yaml", manifest)
                .withText("scenarios/quota.yaml", rival.files().text("scenarios/quota.yaml")
                        .replace("year: " + rival.year(), "year: " + pack.year()))
                .withText("scenarios/pass-and-fail.yaml", rival.files().text("scenarios/pass-and-fail.yaml")
                        .replace("year: " + rival.year(), "year: " + pack.year())));
        upload(sameYear.zip(), false).andExpect(status().isCreated());
        mvc.perform(post("/api/rule-packs/{id}/versions/1/activate", rival.id())
                        .with(admin))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("years-taken"));
        evaluate(memberJson(pack.year(), 9)).andExpect(jsonPath("$.packId").value(pack.id()));
    }

    @Test
    void evaluatorsMayReadButNotChange() throws Exception {
        TestPack pack = TestPacks.fresh();
        mvc.perform(post("/api/rule-packs").with(evaluator)
                        .contentType("application/zip").content(pack.zip()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/rule-packs").with(evaluator))
                .andExpect(status().isOk());
        evaluate("{\"year\": 1900, \"members\": [{\"subjectId\": \"m\"}]}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("no-active-pack"));
    }

    private ResultActions upload(byte[] zip, boolean activate) throws Exception {
        return mvc.perform(post("/api/rule-packs").queryParam("activate", String.valueOf(activate))
                .with(admin).header("Accept-Language", "en")
                .contentType("application/zip").content(zip));
    }

    private ResultActions evaluate(String body) throws Exception {
        return mvc.perform(post("/api/rule-packs/evaluate").with(evaluator)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static String memberJson(int year, int attended) {
        return """
                {"year": %d, "members": [{"subjectId": "m1", "organizationId": "c1", "grassrootsOrganizationId": "g1",
                  "meetingsRequired": 10, "meetingsAttended": %d, "criterionLevels": {"WORK": "GOOD"}}]}
                """.formatted(year, attended);
    }
}
