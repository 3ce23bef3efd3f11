package org.cadre.organizations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk load's two ways (indexes and foreign keys rebuilt after a big load, or kept up row by row) write the
 * same rows, and the rebuild puts back exactly the indexes and foreign keys there were, also when the load fails.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc
class BulkLoadRebuildTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    /** Always rebuilds, whatever the sizes. */
    private CopyBulkLoad rebuilding() {
        return new CopyBulkLoad(dataSource, jdbc, event -> { }, 1, Integer.MAX_VALUE);
    }

    /** Never rebuilds. */
    private CopyBulkLoad rowByRow() {
        return new CopyBulkLoad(dataSource, jdbc, event -> { }, Integer.MAX_VALUE, 1);
    }

    private void load(CopyBulkLoad bulk, Consumer<BulkLoad.Sink> writer) {
        transaction.executeWithoutResult(status -> bulk.load(writer, false));
    }

    @Test
    void bothWaysWriteTheSameRowsAndTheRebuildPutsBackEveryIndexAndForeignKey() {
        List<String> schema = schema();
        UUID[] viaRebuild = chapterWithMembers();
        UUID[] viaRows = chapterWithMembers();
        load(rebuilding(), sink -> write(sink, viaRebuild, "R"));
        load(rowByRow(), sink -> write(sink, viaRows, "K"));

        assertThat(schema()).isEqualTo(schema);
        assertThat(history(viaRebuild)).isEqualTo(history(viaRows)).hasSize(10);
    }

    @Test
    void aRebuiltLoadThatBreaksAUniqueIndexWritesNothingAndKeepsTheIndexes() {
        List<String> schema = schema();
        UUID[] first = chapterWithMembers();
        load(rowByRow(), sink -> write(sink, first, "D"));
        UUID[] again = chapterWithMembers();

        // the same card numbers again: the unique index, built again, refuses them
        assertThatThrownBy(() -> load(rebuilding(), sink -> write(sink, again, "D")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> load(rowByRow(), sink -> write(sink, again, "D")))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(schema()).isEqualTo(schema);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.organization WHERE id = :id").param("id", again[0])
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRebuiltLoadWithAMemberOfNoOrganizationWritesNothingAndKeepsTheForeignKeys() {
        List<String> schema = schema();
        UUID[] lost = chapterWithMembers();
        UUID nowhere = UUID.randomUUID();
        assertThatThrownBy(() -> load(rebuilding(), sink -> sink.member(member(lost[1], "L-1", nowhere,
                MemberStatus.ACTIVE, null, null)))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(schema()).isEqualTo(schema);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations.member WHERE id = :id").param("id", lost[1])
                .query(Long.class).single()).isZero();
    }

    /** A chapter's id, then three members' ids. */
    private static UUID[] chapterWithMembers() {
        return new UUID[] {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    /** A chapter and three members: one active secretary, one exempt since 2021, one deceased former deputy. */
    private static void write(BulkLoad.Sink sink, UUID[] ids, String cards) {
        String code = "BR" + RUN + "-" + ids[0].toString().substring(0, 8);
        sink.organization(ids[0], code, "Chi bộ nạp lại chỉ mục", OrganizationKind.CHAPTER, null,
                LocalDate.of(2001, 2, 3), null);
        sink.member(member(ids[1], RUN + cards + "1", ids[0], MemberStatus.ACTIVE, null, OrganizationRole.SECRETARY));
        sink.member(member(ids[2], RUN + cards + "2", ids[0], MemberStatus.EXEMPT, LocalDate.of(2021, 6, 1), null));
        sink.member(member(ids[3], RUN + cards + "3", ids[0], MemberStatus.DECEASED, LocalDate.of(2023, 3, 4),
                OrganizationRole.DEPUTY_SECRETARY));
    }

    private static BulkLoad.Member member(UUID id, String card, UUID organization, MemberStatus status,
            LocalDate since, OrganizationRole role) {
        return new BulkLoad.Member(id, card, "Đỗ", "Thị", "Hà\tNội", LocalDate.of(1975, 5, 6), Sex.FEMALE, null,
                LocalDate.of(2000, 1, 2), LocalDate.of(2001, 1, 2), true, "Chuyên viên", organization, status, since,
                role, null, role == null ? null : LocalDate.of(2020, 9, 1));
    }

    /** The periods and roles of a chapter's members, with the ids replaced by the member's place (1 to 3). */
    private List<String> history(UUID[] ids) {
        return jdbc.sql("""
                SELECT kind || ' ' || array_position(CAST(:members AS uuid[]), member_id) || ' ' || what || ' '
                       || valid_from || ' ' || coalesce(valid_to::text, '-')
                FROM (SELECT 'membership' AS kind, member_id, organization_id::text AS what, valid_from, valid_to
                      FROM organizations.membership_period
                      UNION ALL
                      SELECT 'status', member_id, status, valid_from, valid_to FROM organizations.member_status_period
                      UNION ALL
                      SELECT 'role', member_id, role || (id = CAST(md5(member_id::text || role) AS uuid)), valid_from,
                             valid_to
                      FROM organizations.role_period) h
                WHERE member_id = ANY (CAST(:members AS uuid[]))
                ORDER BY 1
                """).param("members", new UUID[] {ids[1], ids[2], ids[3]}).query(String.class).list().stream()
                .map(line -> line.replace(ids[0].toString(), "chapter")).toList();
    }

    /** The definitions of the organizations tables' indexes and constraints. */
    private List<String> schema() {
        return jdbc.sql("""
                SELECT pg_get_indexdef(indexrelid) FROM pg_index
                WHERE indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = CAST('organizations' AS regnamespace))
                UNION ALL
                SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || convalidated
                FROM pg_constraint WHERE connamespace = CAST('organizations' AS regnamespace)
                ORDER BY 1
                """).query(String.class).list();
    }
}
