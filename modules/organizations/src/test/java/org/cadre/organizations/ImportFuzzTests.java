package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.organizations.testing.TestTree;
import org.cadre.organizations.testing.Workbooks;
import org.cadre.platform.Role;
import org.cadre.platform.testing.Background;
import org.cadre.platform.testing.Bounded;
import org.cadre.platform.testing.Fuzz;
import org.cadre.platform.testing.Gen;
import org.cadre.platform.testing.RowCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The member import, fuzzed through its API: files of valid rows with odd cells (any Unicode, control and bidi
 * characters, huge text, formula-like text, numbers, booleans, dates out of range, formulas with and without a
 * computed value, error cells), and valid workbooks with damaged bytes. Whatever comes in: never a 500, an answer
 * within {@link #LIMIT}, either every row written or nothing written and every problem described in Vietnamese with
 * its row. Each limit of the import (size, rows, a zip bomb) is hit once with its own clear reason.
 */
@OrganizationsModuleTest
class ImportFuzzTests {

    static final Duration LIMIT = Duration.ofSeconds(20);
    static final String[] HEADINGS = {"Số thẻ đảng viên", "Họ", "Tên đệm", "Tên", "Ngày sinh", "Giới tính",
            "Số định danh cá nhân", "Mã tổ chức đảng", "Ngày vào Đảng", "Ngày chính thức", "Công chức, viên chức",
            "Chức vụ"};
    /** The longest text an .xlsx cell holds. */
    static final int CELL_MAX = 32_767;

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;

    private TestTree tree;
    private int files;

    // ---- odd cells --------------------------------------------------------------------------------------------

    /** A cell of a typed workbook: text, a number, a boolean, a date serial, a formula or an error. */
    sealed interface Value permits Text, NumberCell, Flag, DateSerial, Formula, ErrorCell {
    }

    record Text(String text) implements Value {
        @Override
        public String toString() {
            return text.length() > 60 ? "Text(" + text.length() + " chars: " + text.substring(0, 20) + "…)"
                    : "Text(" + text + ")";
        }
    }

    record NumberCell(double value) implements Value {
    }

    record Flag(boolean value) implements Value {
    }

    /** A number formatted as a date: serials before 1900 or after 9999 are dates no calendar has. */
    record DateSerial(double serial) implements Value {
    }

    record Formula(String formula, boolean computed) implements Value {
    }

    record ErrorCell() implements Value {
    }

    /** One cell replaced: row 0 is the heading row. */
    record Mutation(int row, int column, Value value) {
    }

    /** One to four cells replaced, most often in the first row. */
    static List<Mutation> mutations(Gen gen) {
        return gen.list(1, 4, () -> new Mutation(gen.weighted(1, 12, 6, 3), gen.between(0, HEADINGS.length),
                value(gen)));
    }

    static Value value(Gen gen) {
        return switch (gen.weighted(6, 1, 1, 1, 1, 1)) {
            case 0 -> new Text(oddText(gen));
            case 1 -> new NumberCell(gen.bool() ? gen.anyDouble()
                    : gen.pick(Double.NaN, Double.POSITIVE_INFINITY, -1e308, 1e308, 51000001d, -0.5));
            case 2 -> new Flag(gen.bool());
            case 3 -> new DateSerial(gen.pick(-1d, 0d, 60d, 1d, 2_958_465d, 2_958_466d, 1e10, 36526.999999));
            case 4 -> gen.pick(new Formula("1/0", true), new Formula("PROPER(\"nam\")", false),
                    new Formula("DATE(9999,12,31)", true), new Formula("A2&A2", true),
                    new Formula("\"=cmd|' /C calc'!A0\"", true), new Formula("NA()", true));
            default -> new ErrorCell();
        };
    }

    static String oddText(Gen gen) {
        return switch (gen.between(0, 3)) {
            // anything a char can be: controls, NUL, bidi, zero-width, lone surrogates, emoji
            case 0 -> gen.anyString(40);
            case 1 -> gen.stringOf("=+-@,;\"'\n\r\t\u0000\u202E\u200B\uFEFF 0123/ĐđữÁ", 12);
            case 2 -> gen.pick("=1+1", "+84912345678", "-2", "@SUM(A1)", "=HYPERLINK(\"http://x\";\"y\")",
                    "31/12/9999", "01/01/10000", "00/00/0000", "29/02/2023", "1/1/1", "0001-01-01",
                    "99999999999999999999", "1e308", "NaN", "-0", "Nam", "Nữ", "X", "Có", "Không", "", " ",
                    "null", "\u0000", "\uD800", "N\u0301", "Nguy\u1EC5n\u202Egnol", "\u00A0Lan\u00A0");
            default -> gen.longString(1_000, 40_000);
        };
    }

    /** A file of valid rows with some cells replaced, as .xlsx or .csv. */
    record OddFile(int rows, List<Mutation> mutations, boolean xlsx) {
    }

    @Test
    void aMemberFileWithOddCellsIsWrittenWhollyOrRefusedRowByRowWithNothingWritten() {
        Fuzz.check(200, gen -> new OddFile(gen.between(1, 3), mutations(gen), gen.bool()), this::importOddFile);
    }

    private String importOddFile(OddFile odd) throws Exception {
        int rows = odd.rows();
        List<Mutation> mutations = odd.mutations();
        boolean xlsx = odd.xlsx();
        TestTree tree = tree();
        String prefix = tree.prefix + "-F" + files++;
        List<List<Value>> table = new ArrayList<>();
        table.add(List.of(HEADINGS).stream().map(h -> (Value) new Text(h)).toList());
        for (int r = 0; r < rows; r++) {
            table.add(new ArrayList<>(List.of(new Text(prefix + "-" + r), new Text("Nguyễn"), new Text("Văn"),
                    new Text("An"), new Text("12/04/1985"), new Text("Nam"), new Text(""),
                    new Text(tree.prefix + "-A"), new Text("19/05/2010"), new Text("19/05/2011"), new Text("Có"),
                    new Text("Chuyên viên"))));
        }
        for (Mutation m : mutations) {
            if (m.row() <= rows) {
                List<Value> row = new ArrayList<>(table.get(m.row()));
                while (row.size() <= m.column()) {
                    row.add(new Text(""));
                }
                row.set(m.column(), m.value());
                table.set(m.row(), row);
            }
        }
        byte[] file = xlsx ? workbook(table) : csv(table);
        return importAndCheck(xlsx ? "dang-vien.xlsx" : "dang-vien.csv", file, rows);
    }

    // ---- damaged bytes ----------------------------------------------------------------------------------------

    /** Bytes overwritten at positions (fractions of the length), then cut at a fraction, then bytes inserted. */
    record Damage(List<Double> at, byte value, double cut, byte[] inserted, double insertAt) {
        byte[] apply(byte[] original) {
            byte[] damaged = original.clone();
            for (double position : at) {
                damaged[(int) (position * (damaged.length - 1))] ^= value == 0 ? 1 : value;
            }
            damaged = java.util.Arrays.copyOf(damaged, Math.max(1, (int) (damaged.length * cut)));
            int i = (int) (insertAt * damaged.length);
            byte[] out = new byte[damaged.length + inserted.length];
            System.arraycopy(damaged, 0, out, 0, i);
            System.arraycopy(inserted, 0, out, i, inserted.length);
            System.arraycopy(damaged, i, out, i + inserted.length, damaged.length - i);
            return out;
        }

        @Override
        public String toString() {
            return "Damage(at=" + at + ", value=" + value + ", cut=" + cut + ", inserted=" + inserted.length
                    + " bytes at " + insertAt + ")";
        }
    }

    static Damage damage(Gen gen) {
        return new Damage(gen.list(0, 8, gen::fraction), gen.anyByte(), new double[] {1.0, 0.5, 0.97, 0.02}[
                gen.weighted(3, 1, 1, 1)], gen.bytes(64), gen.fraction());
    }

    record DamagedFile(Damage damage, boolean namedCsv) {
    }

    @Test
    void aDamagedWorkbookIsReadOrRefusedAndNeverBreaksTheServer() {
        Fuzz.check(150, gen -> new DamagedFile(damage(gen), gen.bool()), damaged -> {
            TestTree tree = tree();
            String prefix = tree.prefix + "-D" + files++;
            byte[] file = damaged.damage().apply(Workbooks.members(prefix, List.of(tree.prefix + "-A"), 2));
            return importAndCheck(damaged.namedCsv() ? "dang-vien.csv" : "dang-vien.xlsx", file, 2);
        });
    }

    // ---- the limits, each once ---------------------------------------------------------------------------------

    @Test
    void aFileOverTheSizeLimitIsRefusedSayingTheLimit() throws Exception {
        byte[] file = new byte[Imports.MAX_BYTES + 1];
        java.util.Arrays.fill(file, (byte) 'x');
        String body = refused("dang-vien.csv", file);
        assertThat(JsonPath.<List<String>>read(body, "$.problems[*].reason")).containsExactly("file-too-large");
        assertThat(JsonPath.<String>read(body, "$.problems[0].message")).contains("5");
    }

    @Test
    void aFileOverTheRowLimitIsRefusedSayingTheLimit() throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", "\"" + String.join("\",\"", HEADINGS) + "\"\n"));
        for (int r = 0; r <= Imports.MAX_ROWS; r++) {
            csv.append("Z").append(r).append(",Lê,Văn,An,12/04/1985,Nam,,X,19/05/2010,,Có,\n");
        }
        String body = refused("dang-vien.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(JsonPath.<List<String>>read(body, "$.problems[*].reason")).containsExactly("too-many-rows");
        assertThat(JsonPath.<String>read(body, "$.problems[0].message")).contains("20");
    }

    @Test
    void aZipBombIsRefusedAsUnreadableQuickly() throws Exception {
        // a workbook's sheet that inflates from about 100 KB to 100 MB
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"/>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(spaces);
            }
        }
        String body = refused("bom.xlsx", bytes.toByteArray());
        assertThat(JsonPath.<List<String>>read(body, "$.problems[*].reason")).containsExactly("file-unreadable");
    }

    // ---- the check every input gets ---------------------------------------------------------------------------

    /**
     * Imports through the API (not a dry run) and checks the answer against what the database holds; returns the
     * outcome, written or refused.
     */
    private String importAndCheck(String filename, byte[] file, int rows) throws Exception {
        Map<String, Long> before = RowCounts.of(jdbc, "organizations");
        int publications = publications();
        MockHttpServletResponse response = post(filename, file);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isIn(200, 422);
        if (response.getStatus() == 422) {
            assertThat(JsonPath.<Boolean>read(body, "$.report.written")).isFalse();
            assertThat(RowCounts.of(jdbc, "organizations")).as("nothing written").isEqualTo(before);
            assertThat(publications()).as("no event published").isEqualTo(publications);
            checkDescribed(body, rows);
            return "refused";
        } else {
            assertThat(JsonPath.<Boolean>read(body, "$.report.written")).isTrue();
            assertThat(JsonPath.<List<?>>read(body, "$.problems")).isEmpty();
            int created = JsonPath.read(body, "$.report.created");
            int unchanged = JsonPath.read(body, "$.report.unchanged");
            assertThat(created + unchanged).isEqualTo(rows);
            return "written";
        }
    }

    /** Every problem has a reason and a Vietnamese message (never a bare key) and names a row of the file. */
    private static void checkDescribed(String body, int rows) {
        List<Map<String, Object>> problems = JsonPath.read(body, "$.problems");
        assertThat(problems).as(body).isNotEmpty();
        for (Map<String, Object> problem : problems) {
            assertThat((String) problem.get("reason")).as(body).isNotBlank();
            assertThat((String) problem.get("message")).as(body).isNotBlank().doesNotContain("import.problem.")
                    .doesNotContain("{0}");
            // 0 is the file as a whole; rows are numbered as the spreadsheet numbers them, heading 1
            assertThat((Integer) problem.get("row")).as(body).isBetween(0, rows + 1);
        }
    }

    private String refused(String filename, byte[] file) throws Exception {
        Map<String, Long> before = RowCounts.of(jdbc, "organizations");
        MockHttpServletResponse response = post(filename, file);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(422);
        assertThat(RowCounts.of(jdbc, "organizations")).isEqualTo(before);
        checkDescribed(body, Imports.MAX_ROWS + 1);
        return body;
    }

    private MockHttpServletResponse post(String filename, byte[] file) throws Exception {
        return Bounded.within(LIMIT, () -> mvc.perform(multipart("/api/organizations/import")
                        .file(new MockMultipartFile("file", filename, "application/octet-stream", file))
                        .param("kind", "MEMBERS").param("dryRun", "false")
                        .header("Accept-Language", "vi").with(Callers.with(Role.ADMIN)))
                .andReturn().getResponse());
    }

    private int publications() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM events.event_publication WHERE event_type LIKE 'org.cadre.organizations.%')
                     + (SELECT count(*) FROM events.event_publication_archive
                        WHERE event_type LIKE 'org.cadre.organizations.%')
                """).query(Integer.class).single();
    }

    private TestTree tree() {
        if (tree == null) {
            Background.awaitIdle(jdbc);
            tree = new TestTree(organizations, members);
        }
        return tree;
    }

    // ---- writing the files ------------------------------------------------------------------------------------

    private static byte[] csv(List<List<Value>> table) {
        StringBuilder out = new StringBuilder();
        for (List<Value> row : table) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                Value value = row.get(c);
                String text = value instanceof Text t ? t.text()
                        : value instanceof NumberCell n ? String.valueOf(n.value())
                        : value instanceof Flag f ? String.valueOf(f.value())
                        : value instanceof DateSerial d ? String.valueOf(d.serial())
                        : value instanceof Formula f ? "=" + f.formula()
                        : "#DIV/0!";
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] workbook(List<List<Value>> table) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Đảng viên");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table.get(r).size(); c++) {
                    Cell cell = row.createCell(c);
                    Value value = table.get(r).get(c);
                    if (value instanceof Text t) {
                        cell.setCellValue(t.text().length() > CELL_MAX ? t.text().substring(0, CELL_MAX) : t.text());
                    } else if (value instanceof NumberCell n) {
                        cell.setCellValue(n.value());
                    } else if (value instanceof Flag f) {
                        cell.setCellValue(f.value());
                    } else if (value instanceof DateSerial d) {
                        cell.setCellValue(d.serial());
                        cell.setCellStyle(date);
                    } else if (value instanceof Formula f) {
                        cell.setCellFormula(f.formula());
                        if (f.computed()) {
                            try {
                                evaluator.evaluateFormulaCell(cell);
                            } catch (RuntimeException notComputable) {
                                // left without a value, as a program that does not compute would write it
                            }
                        }
                    } else {
                        cell.setCellErrorValue(FormulaError.DIV0.getCode());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

}
