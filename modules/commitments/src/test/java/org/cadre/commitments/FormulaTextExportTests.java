package org.cadre.commitments;

import static org.cadre.platform.testing.ExportedCells.FORMULA_LIKE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.Organizations;
import org.cadre.platform.Caller;
import org.cadre.platform.CallerAuthentication;
import org.cadre.platform.Role;
import org.cadre.platform.testing.ExportedCells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text typed as {@code =…}, {@code +…}, {@code -…} or {@code @…} (a commitment, a task, a target, a programme's
 * title and task, a member's name) is written into each commitments export as text: a spreadsheet program opening
 * the file runs nothing.
 */
@CommitmentsModuleTest
class FormulaTextExportTests {

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
    UUID register;

    @BeforeEach
    void tree() {
        f = new Fixture(organizations, members, study, clock);
        an = f.tree.admit(f.tree.chapterA, FORMULA_LIKE.get(2), "Văn", "An");
        f.open();
        register = registers.draft(new DraftRegister(f.campaign, an.value(), List.of(
                new ItemDraft(FORMULA_LIKE.get(0), FORMULA_LIKE.get(1), FORMULA_LIKE.get(3), f.on(3, 28), 50))),
                Fixture.member(an));
    }

    byte[] download(String path, Caller caller, Object... variables) throws Exception {
        return mvc.perform(get(path, variables).with(authentication(new CallerAuthentication(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aMembersRegisterExportsFormulaLikeItemsAsText() throws Exception {
        ExportedCells.assertTextStaysText(download("/commitments/registers/{id}.xlsx", Fixture.member(an), register),
                FORMULA_LIKE.get(0), FORMULA_LIKE.get(1), FORMULA_LIKE.get(3));
    }

    @Test
    void aChaptersRegistersExportFormulaLikeItemsAsText() throws Exception {
        ExportedCells.assertTextStaysText(download("/commitments/board/registers.xlsx?campaign={c}&organization={o}",
                f.secretary(), f.campaign, f.tree.chapterA.value()), FORMULA_LIKE.get(0), FORMULA_LIKE.get(1));
    }

    @Test
    void aProgrammeExportsAFormulaLikeTitleAndTaskAsText() throws Exception {
        UUID programme = programmes.create(new CreateProgramme(f.tree.committee.value(), f.resolution, f.year,
                FORMULA_LIKE.get(3)), f.secretary());
        programmes.addTask(programme, new ProgrammeTask(FORMULA_LIKE.get(0), FORMULA_LIKE.get(1), f.on(6, 30)),
                f.secretary());
        byte[] export = download("/commitments/programmes/{id}.xlsx", Caller.of("u-eval", Role.EVALUATOR),
                programme);
        ExportedCells.assertTextStaysText(export, FORMULA_LIKE.get(0), FORMULA_LIKE.get(1));
    }
}
