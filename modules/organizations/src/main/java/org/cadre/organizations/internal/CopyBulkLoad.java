package org.cadre.organizations.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationsBulkLoaded;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * COPY into staging tables (temporary, dropped at commit), then set-based INSERT ... SELECT into the module's
 * tables, so the history periods and roles are derived in the database and nothing is held in Java.
 */
@Service
class CopyBulkLoad implements BulkLoad {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CopyBulkLoad(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
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
        jdbc.sql("""
                CREATE TEMPORARY TABLE organization_load (id UUID, code VARCHAR(40), name VARCHAR(300),
                    kind VARCHAR(40), parent_id UUID, established_on DATE, agency_id UUID) ON COMMIT DROP
                """).update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE member_load (id UUID, card_number VARCHAR(20), family_name VARCHAR(60),
                    middle_name VARCHAR(80), given_name VARCHAR(60), search_name VARCHAR(200), sort_key VARCHAR(400),
                    born_on DATE, sex VARCHAR(6), national_id VARCHAR(12), admitted_on DATE, confirmed_on DATE,
                    civil_servant BOOLEAN, position VARCHAR(200), organization_id UUID, status VARCHAR(20),
                    status_from DATE, role VARCHAR(30), role_organization_id UUID, role_from DATE) ON COMMIT DROP
                """).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopySink sink;
        try {
            sink = new CopySink(connection.unwrap(PGConnection.class));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY failed", e);
        }
        boolean finished = false;
        try {
            writer.accept(sink);
            sink.finish();
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!finished) {
                // the writer (or the COPY) failed mid-stream: end the COPY, or the connection would go back to
                // the pool still in COPY mode; the transaction then rolls back
                sink.cancel();
            }
        }
        jdbc.sql("""
                INSERT INTO organizations.organization (id, code, name, kind, parent_id, established_on, agency_id,
                    version)
                SELECT id, code, name, kind, parent_id, established_on, agency_id, 0 FROM organization_load
                """).update();
        jdbc.sql("""
                INSERT INTO organizations.organization_period (organization_id, parent_id, name, valid_from)
                SELECT id, parent_id, name, established_on FROM organization_load
                """).update();
        jdbc.sql("""
                INSERT INTO organizations.member (id, card_number, family_name, middle_name, given_name, search_name,
                    sort_key, born_on, sex, national_id, admitted_on, confirmed_on, civil_servant, position,
                    organization_id, status)
                SELECT id, card_number, family_name, middle_name, given_name, search_name, sort_key, born_on, sex,
                    national_id, admitted_on, confirmed_on, civil_servant, position, organization_id, status
                FROM member_load
                """).update();
        jdbc.sql("""
                INSERT INTO organizations.membership_period (member_id, organization_id, valid_from, valid_to)
                SELECT id, organization_id, admitted_on,
                       CASE WHEN status IN ('LEFT', 'REMOVED', 'DECEASED') THEN greatest(status_from, admitted_on) END
                FROM member_load
                """).update();
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, valid_from, valid_to)
                SELECT id, 'ACTIVE', admitted_on,
                       CASE WHEN status <> 'ACTIVE' AND status_from > admitted_on THEN status_from END
                FROM member_load
                """).update();
        jdbc.sql("""
                INSERT INTO organizations.member_status_period (member_id, status, valid_from)
                SELECT id, status, status_from FROM member_load WHERE status <> 'ACTIVE' AND status_from > admitted_on
                """).update();
        jdbc.sql("""
                INSERT INTO organizations.role_period (id, organization_id, member_id, role, valid_from, valid_to)
                SELECT CAST(md5(id::text || role) AS UUID), coalesce(role_organization_id, organization_id), id, role,
                       role_from,
                       CASE WHEN status IN ('LEFT', 'REMOVED', 'DECEASED') THEN greatest(status_from, role_from) END
                FROM member_load WHERE role IS NOT NULL
                """).update();
        OrganizationsBulkLoaded loaded = new OrganizationsBulkLoaded(UUID.randomUUID(), sink.organizations,
                sink.members);
        if (announce) {
            events.publishEvent(loaded);
        }
        return loaded;
    }

    /** Streams rows as COPY text; switching to another kind of row ends the running COPY. */
    private static final class CopySink implements Sink {

        private final PGConnection connection;
        private String table;
        private PGCopyOutputStream copy;
        private Writer out;
        private int organizations;
        private int members;

        CopySink(PGConnection connection) {
            this.connection = connection;
        }

        private Writer to(String target) {
            if (!target.equals(table)) {
                try {
                    finish();
                    copy = new PGCopyOutputStream(connection, "COPY " + target + " FROM STDIN", 1 << 16);
                    out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
                } catch (SQLException e) {
                    throw new DataAccessResourceFailureException("COPY failed", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                table = target;
            }
            return out;
        }

        void finish() throws IOException {
            if (out != null) {
                Writer closing = out;
                out = null;
                table = null;
                closing.close();
                copy = null;
            }
        }

        /** Ends a running COPY without its rows, so the connection leaves COPY mode. */
        void cancel() {
            PGCopyOutputStream running = copy;
            copy = null;
            out = null;
            table = null;
            if (running != null && running.isActive()) {
                try {
                    running.cancelCopy();
                } catch (SQLException e) {
                    // the original failure is what the caller reports; the rollback closes what is left
                }
            }
        }

        @Override
        public void agency(UUID id, String code, String name, String headName) {
            row(to("organizations.agency (id, code, name, head_name)"), id, code, name, headName);
        }

        @Override
        public void organization(UUID id, String code, String name, OrganizationKind kind, UUID parentId,
                LocalDate establishedOn, UUID agencyId) {
            row(to("organization_load"), id, code, name, kind.name(), parentId, establishedOn, agencyId);
            organizations++;
        }

        @Override
        public void member(Member m) {
            String middle = m.middleName() == null ? "" : m.middleName();
            row(to("member_load"), m.id(), m.cardNumber(), m.familyName(), middle, m.givenName(),
                    VietnameseText.fold(String.join(" ", m.familyName(), middle, m.givenName())),
                    VietnameseText.sortKey(m.familyName(), middle, m.givenName()), m.bornOn(), m.sex().name(),
                    m.nationalId(), m.admittedOn(), m.confirmedOn(), m.civilServant(), m.position(),
                    m.organizationId(), m.status().name(), m.statusFrom() == null ? m.admittedOn() : m.statusFrom(),
                    m.role() == null ? null : m.role().name(), m.roleOrganizationId(), m.roleFrom());
            members++;
        }

        private static void row(Writer out, Object... values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.write('\t');
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.write("\\N");
                    } else {
                        escape(out, value.toString());
                    }
                }
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void escape(Writer out, String text) throws IOException {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
        }
    }
}
