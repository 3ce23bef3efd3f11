package org.cadre.evaluation.inputs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cadre.evaluation.testing.TestPacks;
import org.cadre.organizations.AdmitMember;
import org.cadre.organizations.MemberId;
import org.cadre.organizations.Members;
import org.cadre.organizations.OrganizationId;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.Organizations;
import org.cadre.organizations.RegisterOrganization;
import org.cadre.organizations.Sex;
import org.cadre.platform.Caller;
import org.cadre.platform.Role;
import org.cadre.ratingrules.RulePackRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A grassroots committee with two chapters and members, a shipped rule pack stored in the registry (uploaded from
 * {@code rules/} as a zip, as a committee would), and a cycle row pointing at it, inserted as the cycles service
 * would: the inputs need nothing else of a cycle.
 */
final class InputsFixture {

    static final Caller EVALUATOR = Caller.of("eva", Role.EVALUATOR);
    static final Caller ADMIN = Caller.of("admin", Role.ADMIN);

    final String prefix = "I" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final OrganizationId committee;
    final OrganizationId chapterA;
    final OrganizationId chapterB;
    final MemberId an;
    final MemberId binh;
    final MemberId cuong;
    private final JdbcClient jdbc;

    InputsFixture(Organizations organizations, Members members, JdbcClient jdbc) {
        this.jdbc = jdbc;
        LocalDate established = LocalDate.of(2005, 1, 10);
        committee = organizations.register(new RegisterOrganization(prefix, "Đảng bộ " + prefix,
                OrganizationKind.GRASSROOTS_COMMITTEE, null, established));
        chapterA = organizations.register(new RegisterOrganization(prefix + "-A", "Chi bộ A " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        chapterB = organizations.register(new RegisterOrganization(prefix + "-B", "Chi bộ B " + prefix,
                OrganizationKind.CHAPTER, committee.value(), established));
        an = admit(members, chapterA, "1", "Nguyễn", "Văn", "An");
        binh = admit(members, chapterA, "2", "Trần", "Thị", "Bình");
        cuong = admit(members, chapterB, "3", "Lê", "Đức", "Cường");
    }

    private MemberId admit(Members members, OrganizationId organization, String n, String family, String middle,
            String given) {
        return members.admit(new AdmitMember(card(n), family, middle, given, LocalDate.of(1985, 4, 12), Sex.MALE,
                null, organization.value(), LocalDate.of(2010, 5, 19), LocalDate.of(2011, 5, 19), true,
                "Chuyên viên"));
    }

    String card(String n) {
        return prefix + n;
    }

    Caller secretaryOf(OrganizationId organization) {
        return new Caller("sec-" + prefix, Set.of(Role.SECRETARY), null, organization.value(), null);
    }

    /** A cycle of the year for the committee, pinned to a shipped pack's stored version. */
    UUID cycle(int year, String packId, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO evaluation.cycle (cycle_id, year, scope_id, pack_id, pack_version, status, opened_on,
                    opened_by) VALUES (:id, :year, :scope, :pack, 2, :status, :on, 'test')
                """).param("id", id).param("year", year).param("scope", committee.value()).param("pack", packId)
                .param("status", status).param("on", OffsetDateTime.now()).update();
        // the schema allows one cycle per year and scope; a test's committee is its own
        return id;
    }

    /** Stores a pack of {@code rules/} once per database, as a committee would upload it. */
    static synchronized void ensurePack(RulePackRegistry registry, String packId) {
        if (registry.packs().stream().anyMatch(p -> p.packId().equals(packId))) {
            return;
        }
        try {
            registry.upload(TestPacks.shipped(Path.of("../../rules", packId), manifest -> manifest), "test");
        } catch (org.cadre.platform.Refused e) {
            // a version that does not validate here is still stored (a draft): its manifest is what inputs read
        }
    }

    /** An .xlsx with the given rows (the first is the heading). */
    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
