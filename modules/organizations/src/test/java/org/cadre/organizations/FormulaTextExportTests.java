package org.cadre.organizations;

import static org.cadre.platform.testing.ExportedCells.FORMULA_LIKE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.cadre.organizations.testing.TestTree;
import org.cadre.platform.Role;
import org.cadre.platform.testing.ExportedCells;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text typed as {@code =…}, {@code +…}, {@code -…} or {@code @…} (names, positions) is written into the module's
 * exports as text: a spreadsheet program opening the file runs nothing. (The CSV writer's part is
 * {@code internal.CsvFormulaTests}.)
 */
@OrganizationsModuleTest
class FormulaTextExportTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Imports imports;
    @Autowired
    MockMvc mvc;

    @Test
    void theMemberListExportsFormulaLikeNamesAndPositionsAsText() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        members.admit(new AdmitMember(tree.nextCard(), FORMULA_LIKE.get(0), FORMULA_LIKE.get(1), FORMULA_LIKE.get(2),
                LocalDate.of(1985, 4, 12), Sex.FEMALE, null, tree.chapterA.value(), LocalDate.of(2010, 5, 19), null,
                true, FORMULA_LIKE.get(3)));
        byte[] export = mvc.perform(get("/organizations/{id}/members.xlsx", tree.committee)
                        .with(Callers.with(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ExportedCells.assertTextStaysText(export, FORMULA_LIKE.toArray(String[]::new));
    }

    @Test
    void theTreeExportsAFormulaLikeOrganizationNameAsText() throws Exception {
        String code = "F" + System.nanoTime() % 1_000_000_000;
        OrganizationId root = organizations.register(new RegisterOrganization(code, FORMULA_LIKE.get(0),
                OrganizationKind.GRASSROOTS_CHAPTER, null, LocalDate.of(2005, 1, 10)));
        // a root is written without the indent that would put spaces before a nested name's '='
        ExportedCells.assertTextStaysText(
                imports.exportTree(LocalDate.of(2024, 6, 30), Visibility.within(List.of(root))), FORMULA_LIKE.get(0));
    }
}
