package org.cadre.platform.database;

import java.util.Arrays;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Begins the embedded PostgreSQL's start when an application context is created, before its configuration is
 * read, so that the server and the context start side by side (the application starts one to three seconds
 * sooner, and so does every module's test JVM). It does so only where {@link EmbeddedDatabaseConfiguration}
 * will use the server: no datasource URL, and the configuration not excluded. The start is registered as a bean
 * that the configuration takes and that stops the server with the context.
 */
public class EmbeddedDatabaseStarter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "embeddedServerStart";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!EmbeddedDatabaseConfiguration.noDatasourceUrl(environment) || excluded(environment)
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)
                || beans.containsBean(BEAN)) {
            return;
        }
        EmbeddedDatabaseProperties properties = Binder.get(environment)
                .bindOrCreate("cadre.embedded-database", EmbeddedDatabaseProperties.class);
        EmbeddedServerStart start = EmbeddedServerStart.begin(properties);
        beans.registerSingleton(BEAN, start);
        // a singleton registered from outside is not destroyed by itself: this stops the server with the context,
        // or when its refresh fails
        beans.registerDisposableBean(BEAN, start);
    }

    private static boolean excluded(ConfigurableEnvironment environment) {
        String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
        return Arrays.stream(excluded.split(",")).map(String::trim)
                .anyMatch(EmbeddedDatabaseConfiguration.class.getName()::equals);
    }
}
