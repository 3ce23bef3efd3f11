package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.cadre.organizations.testing.TestTree;
import org.cadre.organizations.testing.Workbooks;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Spreadsheet import: a bad file lists every bad row and writes nothing; a workbook imports in one go as a job of
 * the platform's job table, with progress on the page, and importing it again changes nothing. (How long 3,600
 * members take is the opt-in {@link ImportBenchmarkTests}.)
 */
@OrganizationsModuleTest
class ImportTests {

    static final Caller ADMIN = Caller.of("importer", Role.ADMIN);
    /** Enough rows for the progress to be reported several times (every 50 rows). */
    static final int ROWS = 400;

    @Autowired
    Imports imports;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    /**
     * Live and archived publications of this module's events in one statement: a publication moving to the archive
     * is counted once, and another test run sharing the database (a server) does not count.
     */
    int publications() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM events.event_publication WHERE event_type LIKE 'org.cadre.organizations.%')
                     + (SELECT count(*) FROM events.event_publication_archive
                        WHERE event_type LIKE 'org.cadre.organizations.%')
                """).query(Integer.class).single();
    }

    @Test
    void aMalformedFileReportsEveryBadRowAndLeavesTheDatabaseUnchanged() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        organizations.dissolve(tree.chapterB, new DatedChange(LocalDate.of(2020, 1, 1), null));
        String a = tree.prefix + "-A";
        String csv = """
                Số thẻ đảng viên,Họ,Tên đệm,Tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã tổ chức đảng,Ngày vào Đảng,Ngày chính thức,"Công chức, viên chức",Chức vụ
                %1$s-1,Nguyễn,Văn,An,12/04/1985,Nam,,%2$s,19/05/2010,19/05/2011,Có,Chuyên viên
                %1$s-2,Trần,Thị,Bình,31/02/1986,Nữ,,%2$s,19/05/2010,,Không,
                %1$s-1,Lê,Văn,Cường,01/01/1980,Nam,,%2$s,19/05/2010,,Có,
                %1$s-4,Phạm,,Dũng,01/01/1980,Nam,,KHONG-CO,19/05/2010,,Có,
                %1$s-5,Võ,Thị,"Hoa, Lan",01/01/1980,Nữ,123,%1$s-B,19/05/2010,01/01/2009,Có,
                %1$s-6,Hồ,Văn,Em,01/01/1980,X,,%2$s,2010-05-19,,Có,
                """.formatted(tree.prefix, a);
        int membersBefore = count("organizations.member");
        int publicationsBefore = publications();

        MvcResult result = mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", "dang-vien.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "MEMBERS").param("dryRun", "false")
                        .header("Accept-Language", "vi").with(Callers.with(Role.ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.report.written").value(false))
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"row\":3", "Ngày sinh", "31/02/1986")
                .contains("\"row\":4", "card-duplicate", "trùng với dòng 2")
                .contains("\"row\":5", "KHONG-CO", "organization-unknown")
                .contains("\"row\":6", "target-dissolved", "national-id-invalid", "confirmed-before-admitted")
                .contains("\"row\":7", "sex-invalid");
        ImportReport report = imports.check(ImportKind.MEMBERS, "dang-vien.csv", csv.getBytes(StandardCharsets.UTF_8),
                ADMIN);
        assertThat(report.problems()).extracting(ImportProblem::row).containsOnly(3, 4, 5, 6, 7);
        assertThat(report.problems()).hasSize(7);

        assertThat(count("organizations.member")).isEqualTo(membersBefore);
        assertThat(publications()).isEqualTo(publicationsBefore);

        // a file that is no spreadsheet at all
        ImportReport garbage = imports.check(ImportKind.MEMBERS, "x.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3},
                ADMIN);
        assertThat(garbage.problems()).extracting(ImportProblem::reason).containsExactly("file-unreadable");
        ImportReport large = imports.check(ImportKind.MEMBERS, "x.csv", new byte[Imports.MAX_BYTES + 1], ADMIN);
        assertThat(large.problems()).extracting(ImportProblem::reason).containsExactly("file-too-large");
    }

    @Test
    void aWorkbookImportsOnceAsAJobWithProgressAndAgainChangesNothing() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        List<String> chapters = tree.chapters(4);
        byte[] workbook = Workbooks.members(tree.prefix, chapters, ROWS);
        int before = count("organizations.member");

        MvcResult upload = mvc.perform(multipart("/organizations/import")
                        .file(new MockMultipartFile("file", "members.xlsx", "application/octet-stream", workbook))
                        .param("kind", "MEMBERS").param("mode", "run")
                        .with(importer()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String job = upload.getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/organizations/import/jobs/");
        mvc.perform(get(job).with(importer())).andExpect(status().isOk());
        // the job is its owner's: another user gets no answer about it
        mvc.perform(get(job).with(Callers.as(Caller.of("someone-else", Role.SECRETARY))))
                .andExpect(status().isNotFound());

        // the page polls while the job runs, and stops once it is done
        String[] status = {""};
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status[0] = mvc.perform(get(job + "/status").with(importer()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(status[0]).doesNotContain("import-bad").doesNotContain("import-failed");
            assertThat(status[0]).satisfiesAnyOf(s -> assertThat(s).contains("import-done"),
                    s -> assertThat(s).contains("hx-trigger=\"every 500ms\""));
            return status[0].contains("import-done");
        });
        assertThat(status[0]).contains("import-done").doesNotContain("hx-trigger");
        assertThat(count("organizations.member") - before).isEqualTo(ROWS);

        ImportReport again = imports.run(ImportKind.MEMBERS, "members.xlsx", workbook, ADMIN, done -> { });
        assertThat(again.ok()).isTrue();
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(ROWS);
        assertThat(count("organizations.member") - before).isEqualTo(ROWS);
    }

    @Test
    void organizationsImportWithParentsFromTheSameFileAndASecretaryCannotImportThem() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        String csv = """
                Mã tổ chức;Tên tổ chức;Loại hình;Mã tổ chức cấp trên;Ngày thành lập
                %1$s-S;Đảng bộ bộ phận Khối A;Đảng bộ bộ phận;%1$s;01/03/2012
                %1$s-S1;Chi bộ Phòng 1;Chi bộ trực thuộc;%1$s-S;01/04/2012
                """.formatted(tree.prefix);
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/organizations/import").file(new MockMultipartFile("file", "t.csv", "text/csv", file))
                        .param("kind", "ORGANIZATIONS").param("dryRun", "false")
                        .with(Callers.secretaryOf(tree.committee)))
                .andExpect(status().isForbidden());
        ImportReport report = imports.run(ImportKind.ORGANIZATIONS, "t.csv", file, ADMIN, done -> { });
        assertThat(report.ok()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        OrganizationSummary sub = organizations.findByCode(tree.prefix + "-S1").orElseThrow();
        assertThat(organizations.subtree(tree.committee, null).orElseThrow().children())
                .filteredOn(c -> c.organization().code().equals(tree.prefix + "-S")).singleElement()
                .satisfies(s -> assertThat(s.children()).extracting(c -> c.organization().id()).contains(sub.id()));
        assertThat(imports.run(ImportKind.ORGANIZATIONS, "t.csv", file, ADMIN, done -> { }).unchanged())
                .isEqualTo(2);
    }

    @Test
    void aFormulaCellIsReadAsItsComputedValueAndOneNeverComputedIsRefused() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        String card = tree.nextCard();
        byte[] computed = withFormulaInGivenName(tree, card, true);
        ImportReport report = imports.run(ImportKind.MEMBERS, "cong-thuc.xlsx", computed, ADMIN, done -> { });
        assertThat(report.problems()).isEmpty();
        assertThat(members.findByCard(card).orElseThrow().fullName()).isEqualTo("Lương Văn Nam");

        ImportReport refused = imports.check(ImportKind.MEMBERS, "cong-thuc.xlsx",
                withFormulaInGivenName(tree, tree.nextCard(), false), ADMIN);
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.reason()).isEqualTo("formula-without-value");
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.arguments()).containsExactly("D2");
        });
    }

    /** One member whose given name is the formula {@code PROPER("nam")}, computed by POI or left uncomputed. */
    private static byte[] withFormulaInGivenName(TestTree tree, String card, boolean compute) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Đảng viên");
            String[] headings = {"Số thẻ đảng viên", "Họ", "Tên đệm", "Tên", "Ngày sinh", "Giới tính",
                    "Mã tổ chức đảng", "Ngày vào Đảng"};
            String[] values = {card, "Lương", "Văn", null, "02/03/1979", "Nam", tree.prefix + "-A", "19/05/2010"};
            Row heading = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < headings.length; c++) {
                heading.createCell(c).setCellValue(headings[c]);
                if (values[c] != null) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            row.createCell(3).setCellFormula("PROPER(\"nam\")");
            if (compute) {
                workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(3));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void templatesAndExportsAreSpreadsheets() throws Exception {
        byte[] template = imports.template(ImportKind.MEMBERS, true);
        try (var workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số thẻ đảng viên");
        }
        TestTree tree = new TestTree(organizations, members);
        tree.admit(tree.chapterA, "Nguyễn", "Văn", "Xuất");
        byte[] export = imports.exportMembers(tree.committee, true, null, false);
        // an export is a valid import of the same members: nothing changes
        ImportReport again = imports.check(ImportKind.MEMBERS, "export.xlsx", export, ADMIN);
        assertThat(again.ok()).isTrue();
        assertThat(again.unchanged()).isEqualTo(1);
        mvc.perform(get("/organizations/export.xlsx").param("asOf", "2024-06-30").with(Callers.with(Role.EVALUATOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("-2024-06-30.xlsx")));
        // a member list's file is named after the organization's code and the date
        String code = organizations.find(tree.committee).orElseThrow().code();
        mvc.perform(get("/organizations/{id}/members.xlsx", tree.committee).param("asOf", "31/12/2024")
                        .with(Callers.with(Role.EVALUATOR)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("dang-vien-" + code + "-2024-12-31.xlsx")));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor importer() {
        return Callers.as(ADMIN);
    }
}
