package org.cadre.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs one Flyway per module: the migrations in {@code db/migration/<module>} go into the PostgreSQL schema
 * {@code <module>}, with that schema's own history table. Every module therefore numbers its migrations from V1
 * and owns its tables, and no migration of one module can collide with another's.
 */
public final class ModuleMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
    private static final Pattern MODULE_FOLDER = Pattern.compile("db/migration/([a-z_]+)/[^/]+\\.sql$");

    private final DataSource dataSource;
    private final List<String> schemas;

    ModuleMigrations(DataSource dataSource, List<String> schemas) {
        this.dataSource = dataSource;
        this.schemas = List.copyOf(schemas);
    }

    /** The schemas that have migrations on the classpath, in name order. */
    static List<String> discover(ClassLoader classLoader) {
        try {
            var resolver = new PathMatchingResourcePatternResolver(classLoader);
            var found = new TreeSet<String>();
            for (Resource resource : resolver.getResources("classpath*:db/migration/*/*.sql")) {
                Matcher matcher = MODULE_FOLDER.matcher(resource.getURL().toString());
                if (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the module migrations", e);
        }
    }

    public List<String> schemas() {
        return schemas;
    }

    /**
     * Migrates every schema while holding a PostgreSQL advisory lock, so instances (or test runs) that start at the
     * same time on one database migrate one after the other instead of racing to create the same schema.
     */
    void migrate() {
        AdvisoryLocks.runExclusively(dataSource, "migrations", this::migrateEach);
    }

    private void migrateEach() {
        for (String schema : schemas) {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + schema)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Schema {}: {} migration(s) applied, now at version {}", schema,
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
        }
    }
}
