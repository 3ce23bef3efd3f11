package org.cadre;

import org.cadre.platform.testing.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * The bootstrap of the rating rules module's own tests: {@code @ApplicationModuleTest} starts the module (with the
 * platform, shared by every module, and what a test class includes) from here, on real PostgreSQL.
 */
@SpringBootApplication
@Modulithic(systemName = "Cadre", sharedModules = "platform")
public class ModuleTestApplication {

    /** The latest run's subjects for the parameter preview, as tests set them (the evaluation module's later). */
    @Bean
    org.cadre.ratingrules.testing.TestRatedSubjects ratedSubjects() {
        return new org.cadre.ratingrules.testing.TestRatedSubjects();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
