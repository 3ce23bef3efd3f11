package org.cadre.platform.database;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migrates every module's schema before anything that depends on database initialization runs. */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrationConfiguration {

    @Bean(initMethod = "migrate")
    ModuleMigrations moduleMigrations(DataSource dataSource) {
        return new ModuleMigrations(dataSource, ModuleMigrations.discover(getClass().getClassLoader()));
    }
}
