package org.cadre.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cadre.organizations.testing.TestTree;
import org.cadre.organizations.testing.Workbooks;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How long the bloc's 3,600 members take to import, checked and written (a benchmark, tag {@code benchmark}, so
 * the default suite never runs it): {@code ./mvnw -B -Pbenchmarks verify -pl modules/organizations -am}.
 */
@OrganizationsModuleTest
@Tag("benchmark")
class ImportBenchmarkTests {

    @Autowired
    Imports imports;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    @Test
    void theBlocsMembersImport() throws Exception {
        TestTree tree = new TestTree(organizations, members);
        List<String> chapters = tree.chapters(12);
        byte[] workbook = Workbooks.members(tree.prefix, chapters, 3_600);
        Caller admin = Caller.of("benchmark", Role.ADMIN);
        long started = System.nanoTime();
        ImportReport report = imports.run(ImportKind.MEMBERS, "3600.xlsx", workbook, admin, done -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(report.created()).isEqualTo(3_600);
        started = System.nanoTime();
        ImportReport again = imports.check(ImportKind.MEMBERS, "3600.xlsx", workbook, admin);
        double check = (System.nanoTime() - started) / 1e9;
        assertThat(again.unchanged()).isEqualTo(3_600);
        LoggerFactory.getLogger(getClass()).info("IMPORT-BENCHMARK: 3,600 members imported in {} s; checked again "
                + "(all unchanged) in {} s", String.format("%.2f", seconds), String.format("%.2f", check));
    }
}
