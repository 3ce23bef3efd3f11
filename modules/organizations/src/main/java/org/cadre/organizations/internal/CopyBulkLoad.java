package org.cadre.organizations.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sink writes every row in its final form, the history periods and roles included, as COPY text into spool
 * files of its own (one a table, on local disk, so memory stays flat), and the load then copies each file into its
 * table. Two ways, chosen once the rows are known:
 * <ul>
 * <li>a load at least a third the size of what is there (an initial load above all) takes the tables' secondary
 * indexes and foreign keys off, COPYs straight into the tables and builds them again (see
 * {@link #deferIndexesAndForeignKeys});</li>
 * <li>a smaller load COPYs each file into a temporary table and inserts it in the order of the key its indexes and
 * foreign-key look-ups follow, so each index is walked in order rather than a random page a row.</li>
 * </ul>
 */
@Service
class CopyBulkLoad implements BulkLoad {

    private static final Logger log = LoggerFactory.getLogger(CopyBulkLoad.class);

    /** The fewest members a load must bring for its indexes and foreign keys to be rebuilt rather than kept up. */
    static final int REBUILD_MINIMUM = 1_000;
    /**
     * The most members already there, as a multiple of those the load brings, for a rebuild to pay: rebuilding
     * costs about a fifth of keeping up an index and a foreign key row by row (measured on the province load), but
     * covers the rows already there as well.
     */
    static final int REBUILD_FACTOR = 3;

    /** The tables a load writes, in the order they are filled (parents before the rows that refer to them). */
    enum Table {
        AGENCY("agency", "id, code, name, head_name", "id"),
        ORGANIZATION("organization", "id, code, name, kind, parent_id, established_on, agency_id", "id"),
        ORGANIZATION_PERIOD("organization_period", "organization_id, parent_id, name, valid_from",
                "organization_id, valid_from"),
        MEMBER("member", "id, card_number, family_name, middle_name, given_name, search_name, sort_key, born_on, sex, "
                + "national_id, admitted_on, confirmed_on, civil_servant, position, organization_id, status", "id"),
        MEMBERSHIP_PERIOD("membership_period", "member_id, organization_id, valid_from, valid_to",
                "member_id, valid_from"),
        MEMBER_STATUS_PERIOD("member_status_period", "member_id, status, valid_from, valid_to",
                "member_id, valid_from"),
        ROLE_PERIOD("role_period", "id, organization_id, member_id, role, valid_from, valid_to", "member_id");

        final String name;
        final String columns;
        final String order;

        Table(String name, String columns, String order) {
            this.name = name;
            this.columns = columns;
            this.order = order;
        }
    }

    /** The statuses that end a membership (and the roles held), as the services end them. */
    private static final Set<MemberStatus> ENDING = EnumSet.of(MemberStatus.LEFT,
            MemberStatus.REMOVED, MemberStatus.DECEASED);

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int rebuildMinimum;
    private final int rebuildFactor;

    @Autowired
    CopyBulkLoad(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events) {
        this(dataSource, jdbc, events, REBUILD_MINIMUM, REBUILD_FACTOR);
    }

    /** With other limits for choosing the rebuild (for tests of both ways). */
    CopyBulkLoad(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events, int rebuildMinimum,
            int rebuildFactor) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
        this.rebuildMinimum = rebuildMinimum;
        this.rebuildFactor = rebuildFactor;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean empty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations.organization)").query(Boolean.class).single();
    }

    @Override
    @Transactional
    public OrganizationsBulkLoaded load(Consumer<Sink> writer) {
        return load(writer, true); // runs in this method's transaction
    }

    @Override
    @Transactional
    public OrganizationsBulkLoaded load(Consumer<Sink> writer, boolean announce) {
        long started = System.nanoTime();
        try (SpoolSink sink = new SpoolSink()) {
            writer.accept(sink);
            sink.flush();
            long written = System.nanoTime();
            boolean rebuild = sink.members >= rebuildMinimum
                    && existingMembersAtMost((long) sink.members * rebuildFactor);
            List<Deferred> deferred = rebuild ? deferIndexesAndForeignKeys() : List.of();
            PGConnection connection = pgConnection();
            for (Table table : Table.values()) {
                if (sink.rows(table) > 0) {
                    copy(connection, table, sink.file(table), rebuild);
                }
            }
            long copied = System.nanoTime();
            restore(deferred);
            log.debug("Bulk load of {} organizations, {} members ({}): rows written {} ms, copied {} ms, indexes and "
                    + "foreign keys rebuilt {} ms", sink.organizations, sink.members,
                    rebuild ? "indexes rebuilt" : "indexes kept up", (written - started) / 1_000_000,
                    (copied - written) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
            OrganizationsBulkLoaded loaded = new OrganizationsBulkLoaded(UUID.randomUUID(), sink.organizations,
                    sink.members);
            if (announce) {
                events.publishEvent(loaded);
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PGConnection pgConnection() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY failed", e);
        }
    }

    /**
     * One spool file into its table: straight in when the indexes are being rebuilt; otherwise through a temporary
     * table (dropped at commit), inserted sorted by the key the table's indexes and foreign keys look up.
     */
    private void copy(PGConnection connection, Table table, Path file, boolean straight) throws IOException {
        String target = "organizations." + table.name;
        if (!straight) {
            String load = table.name + "_load";
            // names and columns of the fixed tables this load writes, never a value
            String staging = "CREATE TEMPORARY TABLE " + load + " ON COMMIT DROP AS SELECT " + table.columns + " FROM "
                    + target + " WITH NO DATA";
            jdbc.sql(staging).update();
            copyIn(connection, load + " (" + table.columns + ")", file);
            String sorted = "INSERT INTO " + target + " (" + table.columns + ") SELECT " + table.columns + " FROM "
                    + load + " ORDER BY " + table.order;
            jdbc.sql(sorted).update();
        } else {
            copyIn(connection, target + " (" + table.columns + ")", file);
        }
    }

    private static void copyIn(PGConnection connection, String target, Path file) throws IOException {
        String sql = "COPY " + target + " FROM STDIN";
        try (InputStream in = Files.newInputStream(file)) {
            connection.getCopyAPI().copyIn(sql, in, 1 << 16);
        } catch (SQLException e) {
            // as JdbcClient would: a broken key or check is a DataIntegrityViolationException, as it always was
            DataAccessException translated = TRANSLATOR.translate("COPY", sql, e);
            throw translated != null ? translated : new DataAccessResourceFailureException("COPY failed", e);
        }
    }

    /** An index or a foreign key taken off for the load: what puts it back. */
    private record Deferred(String table, String name, String restore, boolean foreignKey) {
    }

    /** Whether the module's tables hold at most {@code members} members (reads no more than that many rows). */
    private boolean existingMembersAtMost(long members) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM organizations.member LIMIT :n) m")
                .param("n", members + 1).query(Long.class).single() <= members;
    }

    /**
     * For a load big against what is there (an initial load above all): the secondary indexes and the foreign keys
     * of the tables the load writes are dropped, to be built again by {@link #restore} from their own definitions,
     * read here from the catalogue (so whatever a later migration defines is what comes back). A sorted index build
     * and a foreign key's one set-based check cost a fraction of keeping them up row by row. All of it happens in
     * the load's transaction: another transaction sees the tables only as they were before or after (the DDL locks
     * them until the commit), building a unique index again or adding a foreign key checks every row, old and new,
     * and any failure rolls the drops back with the rows. Primary keys stay (other tables' foreign keys need them).
     */
    private List<Deferred> deferIndexesAndForeignKeys() {
        String tables = Arrays.stream(Table.values()).map(t -> "organizations." + t.name)
                .collect(Collectors.joining(",", "{", "}"));
        List<Deferred> deferred = new ArrayList<>(jdbc.sql("""
                SELECT c.conrelid::regclass::text, quote_ident(c.conname),
                       'ALTER TABLE ' || c.conrelid::regclass::text || ' ADD CONSTRAINT ' || quote_ident(c.conname)
                           || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                WHERE c.contype = 'f' AND c.conrelid = ANY (CAST(:tables AS regclass[]))
                ORDER BY 1, 2
                """).param("tables", tables)
                .query((rs, n) -> new Deferred(rs.getString(1), rs.getString(2), rs.getString(3), true)).list());
        deferred.addAll(jdbc.sql("""
                SELECT i.indrelid::regclass::text, quote_ident(n.nspname) || '.' || quote_ident(x.relname),
                       pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
                WHERE i.indrelid = ANY (CAST(:tables AS regclass[]))
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY 1, 2
                """).param("tables", tables)
                .query((rs, n) -> new Deferred(rs.getString(1), rs.getString(2), rs.getString(3), false)).list());
        for (Deferred d : deferred) {
            // names the catalogue gave, quoted by quote_ident and regclass
            String drop = d.foreignKey() ? "ALTER TABLE " + d.table() + " DROP CONSTRAINT " + d.name()
                    : "DROP INDEX " + d.name();
            jdbc.sql(drop).update();
        }
        return deferred;
    }

    /** Builds the indexes again (a unique one checking every row), then the foreign keys (one check each). */
    private void restore(List<Deferred> deferred) {
        if (deferred.isEmpty()) {
            return;
        }
        // an index build sorts in this much memory rather than on disk; for this transaction only
        jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
        // the definitions PostgreSQL wrote itself (pg_get_indexdef, pg_get_constraintdef) before the drop
        for (boolean foreignKeys : new boolean[] {false, true}) {
            for (Deferred d : deferred) {
                if (d.foreignKey() == foreignKeys) {
                    String definition = d.restore();
                    jdbc.sql(definition).update();
                }
            }
        }
    }

    /**
     * Writes each kind of row, final, as COPY text into a spool file of its table (deleted when closed). What the
     * database used to derive with {@code INSERT ... SELECT} (the periods, the roles) is derived here, row by row,
     * with the same rules: nothing is kept from one row to the next.
     */
    private static final class SpoolSink implements Sink, AutoCloseable {

        private final Path directory;
        private final Map<Table, Path> files = new EnumMap<>(Table.class);
        private final Map<Table, Writer> writers = new EnumMap<>(Table.class);
        private final long[] rows = new long[Table.values().length];
        private final StringBuilder line = new StringBuilder(512);
        private final MessageDigest md5;
        private int organizations;
        private int members;

        SpoolSink() throws IOException {
            directory = Files.createTempDirectory("cadre-bulk-load");
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        long rows(Table table) {
            return rows[table.ordinal()];
        }

        Path file(Table table) {
            return files.get(table);
        }

        void flush() throws IOException {
            for (Writer w : writers.values()) {
                w.flush();
            }
        }

        @Override
        public void close() throws IOException {
            for (Writer w : writers.values()) {
                w.close();
            }
            for (Path f : files.values()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        }

        @Override
        public void agency(UUID id, String code, String name, String headName) {
            row(Table.AGENCY, id, code, name, headName);
        }

        @Override
        public void organization(UUID id, String code, String name, OrganizationKind kind, UUID parentId,
                LocalDate establishedOn, UUID agencyId) {
            row(Table.ORGANIZATION, id, code, name, kind.name(), parentId, establishedOn, agencyId);
            row(Table.ORGANIZATION_PERIOD, id, parentId, name, establishedOn);
            organizations++;
        }

        @Override
        public void member(Member m) {
            String middle = m.middleName() == null ? "" : m.middleName();
            LocalDate admitted = m.admittedOn();
            LocalDate statusFrom = m.statusFrom() == null ? admitted : m.statusFrom();
            boolean ended = ENDING.contains(m.status());
            row(Table.MEMBER, m.id(), m.cardNumber(), m.familyName(), middle, m.givenName(),
                    VietnameseText.fold(String.join(" ", m.familyName(), middle, m.givenName())),
                    VietnameseText.sortKey(m.familyName(), middle, m.givenName()), m.bornOn(), m.sex().name(),
                    m.nationalId(), admitted, m.confirmedOn(), m.civilServant(), m.position(), m.organizationId(),
                    m.status().name());
            row(Table.MEMBERSHIP_PERIOD, m.id(), m.organizationId(), admitted,
                    ended ? latest(statusFrom, admitted) : null);
            // active from admission; a status since a later day ends it and stays open
            boolean changed = m.status() != MemberStatus.ACTIVE && admitted != null && statusFrom.isAfter(admitted);
            row(Table.MEMBER_STATUS_PERIOD, m.id(), MemberStatus.ACTIVE.name(), admitted, changed ? statusFrom : null);
            if (changed) {
                row(Table.MEMBER_STATUS_PERIOD, m.id(), m.status().name(), statusFrom, null);
            }
            if (m.role() != null) {
                LocalDate from = m.roleFrom();
                row(Table.ROLE_PERIOD, roleId(m.id(), m.role().name()),
                        m.roleOrganizationId() == null ? m.organizationId() : m.roleOrganizationId(), m.id(),
                        m.role().name(), from, ended ? latest(statusFrom, from) : null);
            }
            members++;
        }

        /** The larger of two days, a missing one left out (as PostgreSQL's {@code greatest}). */
        private static LocalDate latest(LocalDate a, LocalDate b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a.isAfter(b) ? a : b;
        }

        /** A role period's id as it always was: the MD5 of the member's id and the role, read as a UUID. */
        private UUID roleId(UUID member, String role) {
            byte[] digest = md5.digest((member + role).getBytes(StandardCharsets.UTF_8));
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (digest[i] & 0xFF);
                least = (least << 8) | (digest[i + 8] & 0xFF);
            }
            return new UUID(most, least);
        }

        private void row(Table table, Object... values) {
            StringBuilder out = line;
            out.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    out.append("\\N");
                } else {
                    escape(out, value.toString());
                }
            }
            out.append('\n');
            try {
                writer(table).append(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows[table.ordinal()]++;
        }

        private Writer writer(Table table) throws IOException {
            Writer w = writers.get(table);
            if (w == null) {
                Path file = directory.resolve(table.name + ".copy");
                files.put(table, file);
                w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                        1 << 16);
                writers.put(table, w);
            }
            return w;
        }

        private static void escape(StringBuilder out, String text) {
            if (plain(text)) {
                out.append(text);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }

        private static boolean plain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
