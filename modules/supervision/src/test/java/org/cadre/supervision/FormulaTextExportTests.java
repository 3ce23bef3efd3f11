package org.cadre.supervision;

import static org.cadre.platform.testing.ExportedCells.FORMULA_LIKE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.testing.ExportedCells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text typed as {@code =…}, {@code +…}, {@code -…} or {@code @…} (an agenda, an absence reason, a violation) is
 * written into the supervision exports as text: a spreadsheet program opening the file runs nothing.
 */
@SupervisionModuleTest
class FormulaTextExportTests {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Clock clock;

    Fixture f;

    @BeforeEach
    void tree() {
        f = new Fixture(organizations, members, LocalDate.now(clock));
    }

    @Test
    void theMeetingsExportWritesAFormulaLikeAgendaAndReasonAsText() throws Exception {
        Caller secretary = Fixture.secretaryOf(f.tree.chapterA);
        mvc.perform(post("/supervision/meetings").with(csrf()).with(as(secretary))
                        .param("organizationId", f.tree.chapterA.value().toString()).param("kind", "REGULAR")
                        .param("heldOn", DAY.format(f.on(2, 6))).param("agenda", FORMULA_LIKE.get(0))
                        .param("listed", f.an.value().toString(), f.binh.value().toString())
                        .param("a-" + f.an.value(), "PRESENT").param("a-" + f.binh.value(), "EXCUSED")
                        .param("r-" + f.binh.value(), FORMULA_LIKE.get(3)))
                .andExpect(status().is3xxRedirection());
        byte[] export = mvc.perform(get("/supervision/meetings.xlsx")
                        .param("organization", f.tree.chapterA.value().toString())
                        .param("year", String.valueOf(f.year)).with(as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ExportedCells.assertTextStaysText(export, FORMULA_LIKE.get(0), FORMULA_LIKE.get(3));
    }

    @Test
    void theRecordsExportWritesAFormulaLikeViolationAsText() throws Exception {
        Caller secretary = f.secretary();
        String committee = f.tree.committee.value().toString();
        LocalDate today = LocalDate.now(clock);
        String card = members.find(f.an).orElseThrow().cardNumber();
        mvc.perform(post("/supervision/disciplines").with(csrf()).with(as(secretary)).param("root", committee)
                        .param("cardNumber", card).param("form", "REPRIMAND").param("decision", "31-QĐ/ĐU")
                        .param("decidedOn", DAY.format(today)).param("issuer", "Đảng ủy")
                        .param("violation", FORMULA_LIKE.get(1)))
                .andExpect(status().is3xxRedirection());
        byte[] export = mvc.perform(get("/supervision/records.xlsx").param("organization", committee)
                        .param("year", String.valueOf(today.getYear())).with(as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ExportedCells.assertTextStaysText(export, FORMULA_LIKE.get(1));
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(Caller caller) {
        return authentication(new CallerAuthentication(caller));
    }
}
