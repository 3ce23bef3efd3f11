package org.cadre.evaluation.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The report pages, the API, the Excel workbook and the PDF as a user gets them: the figures and labels in both
 * languages, the chart's figures embedded for ECharts, a name "=cmd" kept as text in Excel, the Vietnamese
 * diacritics in the PDF's text, and the refusals for a member, a reviewer and a secretary outside their subtree.
 */
@ReportsModuleTest
class ReportExportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    RulePackRegistry packs;
    @Autowired
    JdbcClient jdbc;

    ReportFixture f;
    String cyclePath;

    @BeforeEach
    void fixture() {
        f = new ReportFixture(organizations, packs, jdbc).withRuns();
        cyclePath = "/evaluation/cycles/" + f.cycle + "/reports";
    }

    static RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }

    static RequestPostProcessor evaluator() {
        return as(Caller.of("u-evaluator", Role.EVALUATOR));
    }

    @Test
    void theCyclePageShowsTheTablesTheChartsFiguresAndTheFilesInBothLanguages() throws Exception {
        String page = mvc.perform(get(cyclePath).with(evaluator())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hoàn thành xuất sắc nhiệm vụ")))
                .andExpect(content().string(containsString("Biểu thống kê kết quả đánh giá, xếp loại chất lượng năm 2020")))
                .andExpect(content().string(containsString("So sánh với năm 2019")))
                .andExpect(content().string(containsString(ReportFixture.DISCIPLINED)))
                .andExpect(content().string(containsString("Nguyễn Văn Cường")))
                .andExpect(content().string(containsString(cyclePath + ".xlsx")))
                .andExpect(content().string(containsString(cyclePath + ".pdf")))
                .andReturn().getResponse().getContentAsString();
        String data = page.replaceAll("(?s).*<script type=\"application/json\" id=\"report-chart-data\">(.*?)</script>.*",
                "$1");
        // this year's members by level, then 2019's, in the scale's order
        assertThat(data).contains("\"data\":[2,4,1,3]").contains("\"data\":[1,4,2,0]")
                .contains("Hoàn thành xuất sắc nhiệm vụ");
        // the share of HTTNV in G1 (3 of 7 classified) written the Vietnamese way
        assertThat(page).contains("3 (42,9%)");

        mvc.perform(get(cyclePath).param("lang", "en").with(evaluator())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Completed tasks excellently")))
                .andExpect(content().string(containsString("Compared with 2019")))
                .andExpect(content().string(containsString("3 (42.9%)")));
        // the chart library comes from its WebJar, at the address the page gives
        String echarts = page.replaceAll("(?s).*<script src=\"(/webjars/echarts/[^\"]*echarts\\.min\\.js)\".*", "$1");
        assertThat(echarts).startsWith("/webjars/echarts/");
        mvc.perform(get(echarts)).andExpect(status().isOk());
        mvc.perform(get("/js/evaluation/reports.js")).andExpect(status().isOk());
    }

    @Test
    void anOrganizationsPageAndTheApiGiveItsSubtree() throws Exception {
        mvc.perform(get(cyclePath + "/organizations/" + f.g1.value()).with(evaluator())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chi bộ Văn phòng " + f.prefix)))
                .andExpect(content().string(containsString("/organizations/" + f.g1.value() + "/report.xlsx")))
                .andExpect(content().string(not(containsString("Chi bộ Sở Xây dựng " + f.prefix))));
        mvc.perform(get("/api" + cyclePath).with(evaluator())).andExpect(status().isOk())
                .andExpect(jsonPath("$.members.counts.KHTNV").value(3))
                .andExpect(jsonPath("$.members.excluded").value(1))
                .andExpect(jsonPath("$.statutory.reasons[0].ruleId").value("M19-KH-04"))
                .andExpect(jsonPath("$.comparison.previousYear").value(2019));
    }

    @Test
    void theWorkbookHoldsEveryPartAndANameThatLooksLikeAFormulaStaysText() throws Exception {
        byte[] bytes = mvc.perform(get(cyclePath + ".xlsx").with(evaluator())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheet("Phân bố")).isNotNull();
            assertThat(book.getSheet("So sánh năm trước")).isNotNull();
            Sheet statutory = book.getSheet("Biểu thống kê");
            Row members = find(statutory, "Đảng viên");
            assertThat(members.getCell(1).getNumericCellValue()).isEqualTo(12);
            assertThat(members.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(members.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(members.getCell(4).getNumericCellValue()).isEqualTo(10);
            // HTXSNV count and share, then HTTNV ... KHTNV count and share
            assertThat(members.getCell(5).getNumericCellValue()).isEqualTo(2);
            assertThat(members.getCell(6).getNumericCellValue()).isEqualTo(20.0);
            assertThat(members.getCell(11).getNumericCellValue()).isEqualTo(3);
            assertThat(members.getCell(12).getNumericCellValue()).isEqualTo(30.0);
            assertThat(find(statutory, ReportFixture.DISCIPLINED).getCell(3).getNumericCellValue()).isEqualTo(2);

            Sheet list = book.getSheet("Không hoàn thành");
            Row cmd = find(list, "=cmd");
            Cell name = cmd.getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=cmd");
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(find(list, "Nguyễn Văn Cường")).isNotNull();
        }

        byte[] g1 = mvc.perform(get(cyclePath + "/organizations/" + f.g1.value() + "/report.xlsx")
                        .with(evaluator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(g1))) {
            Row chapter = find(book.getSheet("Phân bố"), "=cmd chi bộ " + f.prefix);
            assertThat(chapter.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(chapter.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void thePdfPrintsTheVietnameseDiacritics() throws Exception {
        byte[] pdf = mvc.perform(get(cyclePath + ".pdf").with(evaluator())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2020")
                .contains("Hoàn thành xuất sắc nhiệm vụ").contains("Không hoàn thành nhiệm vụ")
                .contains("Nguyễn Văn Cường").contains("Trần Thị Hoà").contains("Đảng bộ Sở Tài chính")
                .contains(ReportFixture.DISCIPLINED);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("DejaVuSans");
    }

    @Test
    void membersReviewersAndSecretariesOutsideTheirSubtreeAreRefused() throws Exception {
        Caller g1Secretary = Caller.of("u-sec-g1", Role.SECRETARY).withOrganizationScope(f.g1.value());
        mvc.perform(get(cyclePath + "/organizations/" + f.g1.value()).with(as(g1Secretary)))
                .andExpect(status().isOk());
        mvc.perform(get(cyclePath + "/organizations/" + f.g1.value() + "/report.pdf").with(as(g1Secretary)))
                .andExpect(status().isOk());
        // the bloc's report is not a grassroots secretary's, on the page, the API and the files
        mvc.perform(get(cyclePath).with(as(g1Secretary))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("error-detail")));
        mvc.perform(get("/api" + cyclePath).with(as(g1Secretary))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("out-of-scope"));
        mvc.perform(get(cyclePath + ".xlsx").with(as(g1Secretary))).andExpect(status().isForbidden());
        mvc.perform(get(cyclePath + "/organizations/" + f.g2.value()).with(as(g1Secretary)))
                .andExpect(status().isForbidden());

        Caller member = Caller.of("u-member", Role.MEMBER).withMember(f.members.get(0));
        mvc.perform(get(cyclePath + "/organizations/" + f.chapterA.value()).with(as(member)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api" + cyclePath).with(as(member))).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        Caller reviewer = Caller.of("u-reviewer", Role.REVIEWER);
        mvc.perform(get(cyclePath).with(as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(get(cyclePath + ".pdf").with(as(reviewer))).andExpect(status().isForbidden());
    }

    private static Row find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
                    return row;
                }
            }
        }
        throw new AssertionError("No cell \"" + text + "\" in the sheet " + sheet.getSheetName());
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(extractor.getTextFromPage(page));
            }
            return String.join("\n", pages);
        } finally {
            reader.close();
        }
    }
}
