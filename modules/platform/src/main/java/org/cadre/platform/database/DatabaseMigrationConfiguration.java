package org.cadre.platform.database;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Migrates every module's schema before anything that depends on database initialization runs; an
 * auto-configuration, so each module's tests migrate just the schemas on their class path.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class DatabaseMigrationConfiguration {

    @Bean(initMethod = "migrate")
    ModuleMigrations moduleMigrations(DataSource dataSource) {
        return new ModuleMigrations(dataSource, ModuleMigrations.discover(getClass().getClassLoader()));
    }
}
