package org.cadre.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The settings every bootstrap of Cadre needs (the event registry's schema and completion mode, per-module
 * migrations instead of Boot's single Flyway, sessions in the database, problem details): the application and each
 * module's tests start from the same ones. They come last, so {@code application.properties}, the environment and
 * the command line override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String FILE = "cadre-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("cadrePlatformDefaults",
                    new ClassPathResource(FILE, PlatformDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE + " from the platform module", e);
        }
    }
}
