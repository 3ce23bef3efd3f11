package org.cadre.evaluation.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.evaluation.inputs.InputsFixture.EVALUATOR;
import static org.cadre.evaluation.inputs.InputsFixture.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.evaluation.EvaluationRefusal;
import org.cadre.evaluation.internal.inputs.CivilServiceImport;
import org.cadre.evaluation.internal.inputs.CivilServiceImportReport;
import org.cadre.evaluation.internal.inputs.CivilServiceImportReport.RowResult;
import org.cadre.evaluation.internal.inputs.CycleInputs;
import org.cadre.evaluation.internal.inputs.InputEntries;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Refused;
import org.cadre.ratingrules.RulePackRegistry;
import org.cadre.ratingrules.facts.MemberFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The civil-service rating import: a dry run names every bad row and why and writes nothing; the import writes all
 * rows or none; a hostile or oversized file is refused before its rows are looked at.
 */
@InputsModuleTest
class CivilServiceImportTests {

    static final List<String> HEADING = List.of("Số thẻ đảng viên", "Họ và tên", "Xếp loại công chức");

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RulePackRegistry registry;
    @Autowired
    CivilServiceImport imports;
    @Autowired
    InputEntries entries;
    @Autowired
    CycleInputs inputs;

    InputsFixture f;
    UUID cycle;

    @BeforeEach
    void cycle() {
        InputsFixture.ensurePack(registry, "qd124-hd25");
        f = new InputsFixture(organizations, members, jdbc);
        cycle = f.cycle(2024, "qd124-hd25", "OPEN");
    }

    int written() {
        return jdbc.sql("SELECT count(*) FROM evaluation.civil_service_rating WHERE cycle_id = :c").param("c", cycle)
                .query(Integer.class).single();
    }

    static EvaluationRefusal reason(Throwable e) {
        return (EvaluationRefusal) ((Refused) e).reason();
    }

    byte[] good() {
        return xlsx(List.of(HEADING,
                List.of(f.card("1"), "Nguyễn Văn An", "HTXSNV"),
                List.of(f.card("2"), "tran thi binh", "Hoàn thành tốt nhiệm vụ"),
                List.of("", "", ""),
                List.of(f.card("3"), "Lê Đức Cường", "hoan thanh nhiem vu")));
    }

    @Test
    void aDryRunOfAGoodFileWritesNothingThenTheImportWritesEveryRow() {
        CivilServiceImportReport dry = imports.dryRun(cycle, "xep-loai.xlsx", good(), EVALUATOR);
        assertThat(dry.ok()).isTrue();
        assertThat(dry.rows()).isEqualTo(3);
        assertThat(dry.results()).extracting(RowResult::row).containsExactly(2, 3, 5);
        assertThat(dry.results()).extracting(RowResult::levelCode).containsExactly("HTXSNV", "HTTNV", "HTNV");
        assertThat(dry.staged()).isNotNull();
        assertThat(written()).isZero();

        CivilServiceImportReport done = imports.importStaged(cycle, dry.staged(), EVALUATOR);
        assertThat(done.written()).isTrue();
        assertThat(written()).isEqualTo(3);
        MemberFacts an = CycleInputsTests.member(f.an.value());
        MemberFacts cuong = CycleInputsTests.member(f.cuong.value());
        inputs.applyTo(cycle, List.of(an, cuong), List.of());
        assertThat(an.getCivilServiceRating()).isEqualTo("HTXSNV");
        assertThat(cuong.getCivilServiceRating()).isEqualTo("HTNV");
        // the kept file is gone once imported
        assertThatThrownBy(() -> imports.importStaged(cycle, dry.staged(), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_UNKNOWN));
    }

    @Test
    void anImportReplacesEarlierValuesOfTheSameMembers() {
        entries.rateCivilService(cycle, f.an.value(), "KHTNV", EVALUATOR);
        imports.run(cycle, "a.xlsx", good(), EVALUATOR);
        imports.run(cycle, "b.xlsx", xlsx(List.of(HEADING, List.of(f.card("1"), "Nguyễn Văn An", "HTNV"))),
                EVALUATOR);
        Map<String, Object> an = jdbc.sql("SELECT level, source FROM evaluation.civil_service_rating "
                + "WHERE cycle_id = :c AND member_id = :m").param("c", cycle).param("m", f.an.value()).query()
                .singleRow();
        assertThat(an).containsEntry("level", "HTNV").containsEntry("source", "IMPORT");
        assertThat(written()).isEqualTo(3);
    }

    @Test
    void aFileWithBadRowsNamesEachRowAndReasonAndTheImportWritesNothing() {
        byte[] file = xlsx(List.of(HEADING,
                List.of(f.card("1"), "Nguyễn Văn An", "HTXSNV"),
                List.of(f.card("2"), "Trần Thị Bình", "Giỏi"),
                List.of("99999999", "Người Lạ", "HTNV"),
                List.of(f.card("3"), "Lê Văn Cường", "HTNV"),
                List.of(f.card("1"), "Nguyễn Văn An", "HTNV")));
        CivilServiceImportReport dry = imports.dryRun(cycle, "x.xlsx", file, EVALUATOR);
        assertThat(dry.ok()).isFalse();
        assertThat(dry.staged()).isNull();
        assertThat(dry.results().get(0).ok()).isTrue();
        assertThat(dry.problems()).extracting(RowResult::row).containsExactly(3, 4, 5, 6);
        assertThat(dry.problems()).extracting(r -> r.problems().get(0).reason())
                .containsExactly("level-not-in-scale", "member-unknown", "name-mismatch", "card-duplicate");
        assertThat(dry.problems().get(0).problems().get(0).arguments()).containsExactly("Giỏi",
                "HTXSNV, HTTNV, HTNV, KHTNV");
        assertThat(written()).isZero();

        assertThatThrownBy(() -> imports.run(cycle, "x.xlsx", file, EVALUATOR)).satisfies(e -> {
            assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_ROWS);
            assertThat(((Refused) e).arguments()).containsExactly("4");
            assertThat(((Refused) e).details().get("rows")).asList().hasSize(4);
            assertThat(((Refused) e).lines()).hasSize(4);
        });
        assertThat(written()).as("one bad row: nothing written").isZero();
    }

    @Test
    void aFileWithoutTheColumnsOrNotAWorkbookOrTooLargeIsRefusedWhole() throws IOException {
        assertThatThrownBy(() -> imports.dryRun(cycle, "x.xlsx",
                xlsx(List.of(List.of("Số thẻ đảng viên", "Họ và tên"), List.of(f.card("1"), "Nguyễn Văn An"))),
                EVALUATOR)).satisfies(e -> {
                    assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_HEADER);
                    assertThat(((Refused) e).arguments()).containsExactly("Xếp loại công chức");
                });
        assertThatThrownBy(() -> imports.dryRun(cycle, "x.xlsx", "số thẻ,họ tên\n1,2".getBytes(), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_UNREADABLE));
        assertThatThrownBy(() -> imports.dryRun(cycle, "x.xlsx", "PK\u0003\u0004garbage".getBytes(), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_UNREADABLE));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        huge[0] = 'P';
        huge[1] = 'K';
        assertThatThrownBy(() -> imports.dryRun(cycle, "x.xlsx", huge, EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_UNREADABLE));
        assertThat(written()).isZero();
    }

    @Test
    void aZipBombIsRefusedBeforeItInflates() throws IOException {
        // a good workbook with one more entry: 60 MB of zeros that compress to a few dozen kilobytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(good()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/media/bomb.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 60; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(Integer.MAX_VALUE).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> imports.dryRun(cycle, "bomb.xlsx", out.toByteArray(), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_UNREADABLE));
        assertThat(written()).isZero();
    }

    @Test
    void aFormulaIsReadAsItsComputedValueAndOneWithoutValueIsRefused() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            Row heading = sheet.createRow(0);
            for (int c = 0; c < HEADING.size(); c++) {
                heading.createCell(c).setCellValue(HEADING.get(c));
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(f.card("1"));
            row.createCell(1).setCellValue("Nguyễn Văn An");
            row.createCell(2).setCellFormula("\"HT\"&\"TNV\"");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            assertThatThrownBy(() -> imports.dryRun(cycle, "f.xlsx", out.toByteArray(), EVALUATOR))
                    .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_UNREADABLE));
        }
    }

    @Test
    void moreRowsThanTheCapAreRefused() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADING);
        for (int i = 0; i < 20_001; i++) {
            rows.add(List.of("C" + i, "X", "HTNV"));
        }
        assertThatThrownBy(() -> imports.dryRun(cycle, "many.xlsx", xlsx(rows), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.IMPORT_TOO_LARGE));
    }

    @Test
    void onlyEvaluationStaffImportAndAClosedCycleTakesNoImport() {
        assertThatThrownBy(() -> imports.dryRun(cycle, "x.xlsx", good(), f.secretaryOf(f.committee)))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.NOT_ALLOWED));
        UUID closed = f.cycle(2023, "qd124-hd25", "CLOSED");
        assertThatThrownBy(() -> imports.run(closed, "x.xlsx", good(), EVALUATOR))
                .satisfies(e -> assertThat(reason(e)).isEqualTo(EvaluationRefusal.CYCLE_CLOSED));
        assertThat(written()).isZero();
    }

    @Test
    void theTemplateListsTheCyclesMembersAndTheScale() throws IOException {
        byte[] template = imports.template(cycle, EVALUATOR);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số thẻ đảng viên");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("HTXSNV");
        }
        // filled in, it imports as it is
        CivilServiceImportReport report = imports.dryRun(cycle, "t.xlsx", template, EVALUATOR);
        assertThat(report.problems()).extracting(r -> r.problems().get(0).reason()).containsOnly("level-missing");
    }
}
