package org.cadre.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
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

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(EmbeddedDatabaseProperties properties) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // zonky's own shutdown hook races Spring's and costs 30 s per JVM: Spring closes it as a bean
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8");
            if (properties.ephemeral()) {
                log.info("Starting a throwaway embedded PostgreSQL");
                return EmbeddedServer.throwaway(builder);
            } else {
                Path dir = properties.dataDirectory().toAbsolutePath();
                Files.createDirectories(dir.getParent());
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                // keep data safe on the run command: zonky turns fsync off by default
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                if (properties.port() > 0) {
                    builder.setPort(properties.port());
                }
                log.info("Starting embedded PostgreSQL with its data in {}", dir);
            }
            return EmbeddedServer.persistent(builder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage()
                    + ". Set SPRING_DATASOURCE_URL to use a PostgreSQL server instead.", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedServer server) {
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
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
