package org.cadre.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The newcomer's default: with no {@code spring.datasource.url}, start PostgreSQL from the zonky binaries and
 * use it. With a URL configured, this configuration stays out of the way and Spring Boot's own DataSource
 * auto-configuration connects to that server. An auto-configuration, so that every bootstrap has it: the
 * application, and each module's own tests.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    /**
     * The server's start, when no initializer began it early (a context built without Spring Boot's
     * initializers): started here, on the caller's thread.
     */
    @Bean
    @ConditionalOnMissingBean
    EmbeddedServerStart embeddedServerStart(EmbeddedDatabaseProperties properties) {
        return EmbeddedServerStart.now(properties);
    }

    /** The running server; it stops with the start that owns it. */
    @Bean(destroyMethod = "")
    EmbeddedServer embeddedServer(EmbeddedServerStart start) {
        return start.server();
    }

    /**
     * Hikari's settings ({@code spring.datasource.hikari.*}: how long a request waits for a connection when the
     * server is gone) apply here as they do to a configured server's pool.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedServer server) {
        EmbeddedPostgres postgres = server.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        dataSource.setUsername("postgres");
        dataSource.setPoolName("cadre-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return noDatasourceUrl(context.getEnvironment());
        }
    }

    static boolean noDatasourceUrl(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
