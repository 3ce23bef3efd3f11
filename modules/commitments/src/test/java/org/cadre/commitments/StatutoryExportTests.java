package org.cadre.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.organizations.AssignRole;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The exports in the layout of party documents, read back cell by cell: the organization's heading at the top
 * left, the party's name and the date line at the top right, the title in capitals, the member, the items table,
 * the signature blocks.
 */
@CommitmentsModuleTest
class StatutoryExportTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Study study;
    @Autowired
    CommitmentRegisters registers;
    @Autowired
    ActionProgrammes programmes;
    @Autowired
    Clock clock;

    Fixture f;
    MemberId an;
    MemberId binh;

    @BeforeEach
    void tree() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, "Nguyễn", "Văn", "An");
        binh = f.tree.admit(f.tree.chapterA, "Trần", "Thị", "Bình");
        f.open();
    }

    XSSFWorkbook download(String path, Caller caller, Object... variables) throws Exception {
        byte[] bytes = mvc.perform(get(path, variables).locale(Locale.forLanguageTag("vi"))
                        .with(authentication(new CallerAuthentication(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static String cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        if (r == null || r.getCell(column) == null) {
            return "";
        }
        return switch (r.getCell(column).getCellType()) {
            case NUMERIC -> String.valueOf((long) r.getCell(column).getNumericCellValue());
            default -> r.getCell(column).getStringCellValue();
        };
    }

    String upper(org.cadre.organizations.OrganizationId id) {
        return organizations.find(id).orElseThrow().name().toUpperCase(Locale.ROOT);
    }

    @Test
    void aMembersRegisterIsTheFormTheySign() throws Exception {
        UUID register = registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.submit(register, Fixture.member(an));
        registers.approve(register, f.secretary());
        String card = members.find(an).orElseThrow().cardNumber();
        String submitted = f.today.format(java.time.format.DateTimeFormatter.ofPattern("dd"));

        try (XSSFWorkbook book = download("/commitments/registers/{id}.xlsx", Fixture.member(an), register)) {
            Sheet s = book.getSheetAt(0);
            // top left: the committee above, then the chapter, then the star; top right: the party, the date line
            assertThat(cell(s, 0, 0)).isEqualTo(upper(f.tree.committee));
            assertThat(cell(s, 1, 0)).isEqualTo(upper(f.tree.chapterA));
            assertThat(cell(s, 2, 0)).isEqualTo("*");
            assertThat(cell(s, 0, 3)).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            assertThat(cell(s, 1, 3)).startsWith("…").contains("ngày " + submitted + " tháng ")
                    .endsWith("năm " + f.year);
            assertThat(cell(s, 0, 0)).doesNotContain("ĐẢNG CỘNG SẢN");
            assertThat(cell(s, 4, 0)).isEqualTo("BẢN ĐĂNG KÝ CAM KẾT");
            assertThat(cell(s, 5, 0)).contains(f.resolutionNumber()).contains(String.valueOf(f.year));
            assertThat(cell(s, 7, 0)).isEqualTo("Họ và tên: Nguyễn Văn An");
            assertThat(cell(s, 8, 0)).isEqualTo("Số thẻ đảng viên: " + card);
            assertThat(cell(s, 9, 0)).isEqualTo("Chi bộ: " + organizations.find(f.tree.chapterA).orElseThrow().name());
            assertThat(new String[] {cell(s, 11, 0), cell(s, 11, 1), cell(s, 11, 2), cell(s, 11, 3), cell(s, 11, 4),
                    cell(s, 11, 5), cell(s, 11, 6)}).containsExactly("STT", "Nội dung cam kết", "Nhiệm vụ được giao",
                    "Chỉ tiêu", "Thời hạn", "Trọng số", "Kết quả");
            assertThat(cell(s, 12, 0)).isEqualTo("1");
            assertThat(cell(s, 12, 1)).isEqualTo("Giải quyết hồ sơ đúng hạn");
            assertThat(cell(s, 12, 4)).isEqualTo("28/03/" + f.year);
            assertThat(cell(s, 12, 5)).isEqualTo("50");
            assertThat(cell(s, 12, 6)).isEqualTo("0%");
            assertThat(cell(s, 13, 1)).isEqualTo("Không vi phạm quy chế");
            // the signature blocks one row after the table: the chapter on the left, the member on the right
            assertThat(cell(s, 15, 0)).isEqualTo("Ý KIẾN CỦA CHI ỦY / BÍ THƯ CHI BỘ");
            assertThat(cell(s, 15, 3)).isEqualTo("NGƯỜI CAM KẾT");
            assertThat(cell(s, 16, 0)).isEqualTo("(Ký, ghi rõ họ tên)");
            assertThat(cell(s, 16, 3)).isEqualTo("(Ký, ghi rõ họ tên)");
            assertThat(cell(s, 20, 3)).isEqualTo("Nguyễn Văn An");
        }
        // the secretary of another subtree may not have it
        mvc.perform(get("/commitments/registers/{id}.xlsx", register).with(authentication(
                new CallerAuthentication(Fixture.secretaryOf(f.tree.chapterB))))).andExpect(status().isForbidden());
    }

    @Test
    void aChaptersExportIsASummaryAndOneFormPerMember() throws Exception {
        registers.draft(new DraftRegister(f.campaign, an.value(), f.items()), Fixture.member(an));
        registers.draft(new DraftRegister(f.campaign, binh.value(), f.items()), Fixture.member(binh));
        try (XSSFWorkbook book = download("/commitments/board/registers.xlsx?campaign={c}&organization={o}",
                f.secretary(), f.campaign, f.tree.chapterA.value())) {
            Sheet summary = book.getSheetAt(0);
            assertThat(cell(summary, 1, 0)).isEqualTo(upper(f.tree.chapterA));
            assertThat(cell(summary, 0, 4)).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            assertThat(cell(summary, 1, 4)).isEqualTo("…………, ngày …… tháng …… năm ……");
            assertThat(cell(summary, 4, 0)).isEqualTo("TỔNG HỢP BẢN ĐĂNG KÝ CAM KẾT");
            assertThat(cell(summary, 7, 1)).isEqualTo("Đảng viên");
            assertThat(cell(summary, 8, 1)).isEqualTo("Nguyễn Văn An");
            assertThat(cell(summary, 10, 1)).isEqualTo("Trần Thị Bình");
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetName(1)).isEqualTo("Nguyễn Văn An");
            assertThat(cell(book.getSheetAt(2), 7, 0)).isEqualTo("Họ và tên: Trần Thị Bình");
            // a draft is not dated yet
            assertThat(cell(book.getSheetAt(2), 1, 3)).isEqualTo("…………, ngày …… tháng …… năm ……");
        }
    }

    @Test
    void anAdoptedProgrammeCarriesItsTitleTasksAndBothSigners() throws Exception {
        organizations.assignRole(f.tree.committee, new AssignRole(an.value(), OrganizationRole.SECRETARY,
                f.on(1, 2)));
        organizations.assignRole(f.tree.committee, new AssignRole(binh.value(), OrganizationRole.AGENCY_HEAD,
                f.on(1, 2)));
        UUID programme = programmes.create(new CreateProgramme(f.tree.committee.value(), f.resolution, f.year,
                "Chương trình hành động của đảng bộ"), f.secretary());
        programmes.addTask(programme, new ProgrammeTask("Rà soát quy chế", "Văn phòng", f.on(6, 30)), f.secretary());
        try (XSSFWorkbook book = download("/commitments/programmes/{id}.xlsx", Caller.of("u-eval", Role.EVALUATOR),
                programme)) {
            Sheet s = book.getSheetAt(0);
            assertThat(cell(s, 4, 0)).isEqualTo("CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT "
                    + f.resolutionNumber().toUpperCase(Locale.ROOT));
            assertThat(cell(s, 9, 0)).isEqualTo("Chưa ban hành");
            assertThat(cell(s, 10, 0)).isEqualTo("T/M CẤP ỦY");
            assertThat(cell(s, 16, 0)).isEmpty();
        }
        programmes.adopt(programme, new AdoptProgramme(an.value(), binh.value(), f.on(2, 1)), f.secretary());
        try (XSSFWorkbook book = download("/commitments/programmes/{id}.xlsx", Caller.of("u-eval", Role.EVALUATOR),
                programme)) {
            Sheet s = book.getSheetAt(0);
            assertThat(cell(s, 1, 0)).isEqualTo(upper(f.tree.committee));
            assertThat(cell(s, 0, 2)).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            assertThat(cell(s, 1, 2)).isEqualTo("…………, ngày 01 tháng 02 năm " + f.year);
            assertThat(cell(s, 5, 0)).isEqualTo("Chương trình hành động của đảng bộ, năm " + f.year);
            assertThat(new String[] {cell(s, 7, 0), cell(s, 7, 1), cell(s, 7, 2), cell(s, 7, 3)})
                    .containsExactly("STT", "Nhiệm vụ", "Người phụ trách", "Thời hạn");
            assertThat(cell(s, 8, 1)).isEqualTo("Rà soát quy chế");
            assertThat(cell(s, 8, 3)).isEqualTo("30/06/" + f.year);
            // signatures one row after the table: the committee's secretary left, the agency head right
            assertThat(cell(s, 10, 0)).isEqualTo("T/M CẤP ỦY");
            assertThat(cell(s, 11, 0)).isEqualTo("BÍ THƯ");
            assertThat(cell(s, 10, 2)).isEqualTo("THỦ TRƯỞNG CƠ QUAN");
            assertThat(cell(s, 12, 0)).isEqualTo("(Ký, ghi rõ họ tên)");
            assertThat(cell(s, 16, 0)).isEqualTo("Nguyễn Văn An");
            assertThat(cell(s, 16, 2)).isEqualTo("Trần Thị Bình");
        }
    }
}
